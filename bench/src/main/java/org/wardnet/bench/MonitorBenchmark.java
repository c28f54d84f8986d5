package org.wardnet.bench;

import com.sun.management.OperatingSystemMXBean;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.wardnet.adapters.rtsp.RtspCameraProber;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.adapters.rtsp.RtspProber;
import org.wardnet.core.health.CameraHealth;
import org.wardnet.core.health.HealthMonitor;
import org.wardnet.core.health.HealthPolicy;
import org.wardnet.core.health.HealthState;
import org.wardnet.core.health.MonitorSettings;
import org.wardnet.core.health.ProbeDepth;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.simulator.district.DistrictGenerator;
import org.wardnet.simulator.district.SyntheticCameras;

/**
 * The health monitor in steady state against simulated cameras in other processes: CPU of this
 * process (monitor and probes), probes started and missed, and the heap the monitor holds per
 * camera. Usage: {@code MonitorBenchmark reference|synthetic:N PORT SECONDS [INTERVAL_SECONDS]}.
 * The first interval (every camera probed once) is excluded from the CPU figure.
 */
public final class MonitorBenchmark {

    private MonitorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String which = args[0];
        int port = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int interval = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        List<SiteDraft> sites;
        List<CameraDraft> cameras;
        if (which.startsWith("synthetic:")) {
            int count = Integer.parseInt(which.substring("synthetic:".length()));
            sites = SyntheticCameras.sites(count);
            cameras = SyntheticCameras.drafts(0, count, port);
        } else {
            var district = DistrictGenerator.reference().withRtspPort(port);
            sites = district.sites();
            cameras = district.cameras();
        }
        Registry registry = MemoryRegistry.loaded(sites, cameras);
        long heapRegistry = usedHeapAfterGc();

        EventLoopGroup probeLoops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                NioIoHandler.newFactory());
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        AtomicLong alarms = new AtomicLong();
        Duration tick = Duration.ofMillis(Math.max(10, Math.min(1_000, interval * 1000L / 600)));
        HealthMonitor monitor = new HealthMonitor(registry, new RtspCameraProber(new RtspProber(probeLoops,
                RtspProbeSettings.DEFAULTS)), event -> {
                    if (event.alarm()) {
                        alarms.incrementAndGet();
                    }
                }, new MonitorSettings(Duration.ofSeconds(interval), tick, 512, ProbeDepth.OPTIONS, 0,
                        HealthPolicy.defaults()), Clock.systemUTC(), loop::execute);
        loop.scheduleAtFixedRate(monitor::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("monitor benchmark: %d cameras (%s), interval %d s, %d s%n", cameras.size(), which, interval,
                seconds);

        Thread.sleep(interval * 1000L);
        long heapMonitored = usedHeapAfterGc();
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        long startedAtSteady = monitor.probesStarted();
        for (int s = interval; s < seconds; s += 10) {
            Thread.sleep(10_000);
            System.out.printf("  t=%3d s: probes %d, missed %d, in flight %d, queued %d%n", s + 10,
                    monitor.probesStarted(), monitor.probesMissed(), monitor.inFlight(), monitor.queuedProbes());
        }
        double cpu = (os.getProcessCpuTime() - cpuStart) / (double) (System.nanoTime() - wallStart);
        Map<HealthState, Integer> states = new EnumMap<>(HealthState.class);
        for (CameraHealth h : monitor.all().values()) {
            states.merge(h.state(), 1, Integer::sum);
        }
        double steadyRate = (monitor.probesStarted() - startedAtSteady) / ((System.nanoTime() - wallStart) / 1e9);
        System.out.printf("RESULT cameras=%d cpu_percent_of_one_core=%.1f probes_per_second=%.0f probes_missed=%d"
                + " states=%s alarms=%d%n", cameras.size(), cpu * 100, steadyRate, monitor.probesMissed(), states,
                alarms.get());
        System.out.printf("RESULT monitor_heap_bytes_per_camera=%.0f (heap after GC with the monitor running, less"
                + " the registry alone); registry_heap_bytes_per_camera=%.0f%n",
                (heapMonitored - heapRegistry) / (double) cameras.size(), heapRegistry / (double) cameras.size());
        System.out.printf("RESULT summary_loop_ms=%.1f (every camera listed from the registry and its state counted,"
                + " the loop of the health summary's district roll-up; median of 5)%n", summaryLoopMillis(registry,
                monitor));
        loop.shutdownNow();
        probeLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static double summaryLoopMillis(Registry registry, HealthMonitor monitor) {
        double[] runs = new double[5];
        for (int r = 0; r < runs.length; r++) {
            long start = System.nanoTime();
            Map<HealthState, Integer> counts = new EnumMap<>(HealthState.class);
            for (var camera : registry.queries().cameras(new org.wardnet.core.registry.ListQuery(null,
                    Integer.MAX_VALUE, null, null)).items()) {
                CameraHealth health = monitor.health(camera.id());
                counts.merge(health == null ? HealthState.UNKNOWN : health.state(), 1, Integer::sum);
            }
            runs[r] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(runs);
        return runs[runs.length / 2];
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
