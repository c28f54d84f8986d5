package org.wardnet.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.wardnet.adapters.rtsp.RtspCameraProber;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.adapters.rtsp.RtspProber;
import org.wardnet.core.health.CameraHealth;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.health.HealthMonitor;
import org.wardnet.core.health.HealthPolicy;
import org.wardnet.core.health.HealthState;
import org.wardnet.core.health.MonitorSettings;
import org.wardnet.core.health.ProbeDepth;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.Registry;
import org.wardnet.simulator.district.District;
import org.wardnet.simulator.district.DistrictGenerator;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.camera.FaultPlan;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.run.SimulatorRunner;

/**
 * The no-false-alarm scenario on the whole reference district over real RTSP, at the default 60 s
 * interval and policy: 30 % of cameras slow (1 to 3 s), 2 % flapping, 1 % dead (never answer), and
 * one room's link cut from 120 s to 210 s. Checks, and prints: healthy cameras ever OFFLINE (must
 * be 0), dead cameras OFFLINE within 3 intervals, alarms for the cut room (must be exactly one,
 * UNREACHABLE) and for its cameras (none). Usage: {@code NoFalseAlarmScenario PORT [ROOM]}.
 */
public final class NoFalseAlarmScenario {

    private NoFalseAlarmScenario() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String room = args.length > 1 ? args[1] : "room-017";
        District district = DistrictGenerator.reference().withRtspPort(port);
        try (SimulatorRunner sim = SimulatorRunner.start(district, port, FaultPlan.parse("slow=30,flapping=2,down=1"), 0)) {
            Registry registry = MemoryRegistry.loaded(district.sites(), district.cameras());
            Set<String> healthy = new HashSet<>();
            Set<String> dead = new HashSet<>();
            for (SimulatedCamera c : sim.district().cameras()) {
                if (c.fault() == CameraFault.NONE || c.fault() == CameraFault.SLOW) {
                    healthy.add(c.id());
                } else if (c.fault() == CameraFault.DOWN) {
                    dead.add(c.id());
                }
            }
            List<String> roomCameras = district.cameras().stream().filter(c -> c.siteId().equals(room))
                    .map(CameraDraft::id).toList();
            List<HealthEvent> events = new CopyOnWriteArrayList<>();
            EventLoopGroup loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                    NioIoHandler.newFactory());
            ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
            HealthMonitor monitor = new HealthMonitor(registry, new RtspCameraProber(new RtspProber(loops,
                    RtspProbeSettings.DEFAULTS)), events::add, new MonitorSettings(Duration.ofSeconds(60),
                    Duration.ofMillis(100), 512, ProbeDepth.OPTIONS, 0, HealthPolicy.defaults()), Clock.systemUTC(),
                    loop::execute);
            Instant start = Instant.now();
            loop.scheduleAtFixedRate(monitor::tick, 0, 100, TimeUnit.MILLISECONDS);
            Map<String, Instant> offlineAt = new HashMap<>();
            Map<String, CameraFault> beforeCut = new HashMap<>();
            System.out.printf("scenario: %d cameras, faults %s, cutting %s (%d cameras) from 120 s to 210 s%n",
                    district.cameras().size(), sim.faults(), room, roomCameras.size());
            for (int s = 1; s <= 420; s++) {
                Thread.sleep(1_000);
                if (s == 120 || s == 210) {
                    for (String id : roomCameras) { // a cut link takes down every camera behind it
                        if (s == 120) {
                            beforeCut.put(id, sim.district().camera(id).fault());
                            sim.district().fault(id, CameraFault.REFUSING);
                        } else {
                            sim.district().fault(id, beforeCut.get(id));
                        }
                    }
                }
                for (CameraHealth h : monitor.all().values()) {
                    if (h.state() == HealthState.OFFLINE) {
                        offlineAt.putIfAbsent(h.cameraId(), Instant.now());
                    }
                }
                if (s % 30 == 0) {
                    System.out.printf("  t=%3d s: probes %d, missed %d, OFFLINE %d, alarms %d%n", s,
                            monitor.probesStarted(), monitor.probesMissed(), offlineAt.size(),
                            events.stream().filter(HealthEvent::alarm).count());
                }
            }
            long falseOffline = healthy.stream().filter(offlineAt::containsKey).count();
            // Dead from the start: OFFLINE at the third probe round, that is within 3 intervals plus
            // the probe's own timeout (a probe that times out is known to have failed 5 s after it began)
            // and a second of sampling.
            long deadLate = dead.stream().filter(id -> !offlineAt.containsKey(id)
                    || offlineAt.get(id).isAfter(start.plusSeconds(180 + 5 + 1))).count();
            List<HealthEvent> roomAlarms = events.stream().filter(e -> e.alarm() && e.id().equals(room)).toList();
            // The requirement is about the room's healthy cameras: they must come back without alarms. A
            // camera of the room that was dead or flapping already is rightly alarmed on its own.
            events.stream().filter(e -> e.alarm() && roomCameras.contains(e.id())).forEach(e -> System.out.printf(
                    "  alarm for a camera of the room: %s (its own fault: %s) %s -> %s at %s%n", e.id(),
                    beforeCut.get(e.id()), e.from(), e.to(), e.at()));
            long roomCameraAlarms = events.stream().filter(e -> e.alarm() && roomCameras.contains(e.id())
                    && healthy.contains(e.id())).count();
            boolean ok = falseOffline == 0 && deadLate == 0 && roomAlarms.size() == 1 && roomCameraAlarms == 0;
            System.out.printf("RESULT healthy_ever_offline=%d dead_not_offline_within_3_intervals=%d of %d"
                    + " room_alarms=%d healthy_room_camera_alarms=%d probes_missed=%d scenario=%s%n", falseOffline, deadLate,
                    dead.size(), roomAlarms.size(), roomCameraAlarms, monitor.probesMissed(), ok ? "PASSED" : "FAILED");
            loop.shutdownNow();
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
