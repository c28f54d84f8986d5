package org.wardnet.server.health;

import io.micrometer.core.instrument.Gauge;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.adapters.rtsp.RtspCameraProber;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.adapters.rtsp.RtspProber;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.health.CameraHealth;
import org.wardnet.core.health.HealthMonitor;
import org.wardnet.core.health.HealthPolicy;
import org.wardnet.core.health.HealthState;
import org.wardnet.core.health.MonitorSettings;
import org.wardnet.core.health.ProbeDepth;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Tier;
import org.wardnet.server.ops.Metrics;
import org.wardnet.storage.JdbcHealthHistory;

/**
 * Runs the health monitor: one thread of its own that ticks the schedule and applies every probe's
 * outcome, and probe I/O on event loops separate from the API's, so a flood of probes cannot slow
 * the API. Publishes per-tier state gauges and probe metrics. When {@code health.enabled} is false
 * nothing is probed and every camera stays UNKNOWN.
 */
public final class HealthService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);

    private final HealthMonitor monitor;
    private final HealthEventHub hub;
    private final JdbcHealthHistory history;
    private final ScheduledExecutorService loop;
    private final EventLoopGroup probeLoops;
    private final boolean enabled;

    private HealthService(HealthMonitor monitor, HealthEventHub hub, JdbcHealthHistory history,
            ScheduledExecutorService loop, EventLoopGroup probeLoops, boolean enabled) {
        this.monitor = monitor;
        this.hub = hub;
        this.history = history;
        this.loop = loop;
        this.probeLoops = probeLoops;
        this.enabled = enabled;
    }

    public static HealthService start(WardnetConfig config, Registry registry, JdbcHealthHistory history,
            Metrics metrics) {
        Duration interval = Duration.ofSeconds(config.get(WardnetKeys.HEALTH_INTERVAL_SECONDS));
        Duration tick = Duration.ofMillis(Math.max(10, Math.min(1_000, interval.toMillis() / 600)));
        HealthPolicy policy = new HealthPolicy(config.get(WardnetKeys.HEALTH_OFFLINE_AFTER_FAILURES),
                Duration.ofSeconds(config.get(WardnetKeys.HEALTH_OFFLINE_AFTER_SECONDS)),
                config.get(WardnetKeys.HEALTH_ONLINE_AFTER_SUCCESSES), config.get(WardnetKeys.HEALTH_SLOW_AFTER_MILLIS),
                config.get(WardnetKeys.HEALTH_SITE_CORRELATION_MINIMUM));
        MonitorSettings settings = new MonitorSettings(interval, tick, config.get(WardnetKeys.HEALTH_MAX_IN_FLIGHT),
                ProbeDepth.valueOf(config.get(WardnetKeys.HEALTH_DEPTH)), config.get(WardnetKeys.HEALTH_MEDIA_EVERY_ROUND),
                policy);
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "wardnet-health");
            thread.setDaemon(true);
            return thread;
        });
        EventLoopGroup probeLoops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                NioIoHandler.newFactory());
        int requestTimeout = config.get(WardnetKeys.HEALTH_REQUEST_TIMEOUT_MILLIS);
        RtspProber rtsp = new RtspProber(probeLoops, new RtspProbeSettings(
                config.get(WardnetKeys.HEALTH_CONNECT_TIMEOUT_MILLIS), requestTimeout, Math.max(requestTimeout, 10_000),
                8_192, 65_536, 3));
        ObservedProber prober = new ObservedProber(new RtspCameraProber(rtsp), metrics.registry());
        HealthEventHub hub = new HealthEventHub(history);
        HealthMonitor monitor = new HealthMonitor(registry, prober, hub, settings, Clock.systemUTC(), loop::execute);
        boolean enabled = config.get(WardnetKeys.HEALTH_ENABLED);
        HealthService service = new HealthService(monitor, hub, history, loop, probeLoops, enabled);
        service.publish(metrics, registry);
        if (enabled) {
            loop.scheduleAtFixedRate(service::tickSafely, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
            loop.scheduleAtFixedRate(() -> prober.logErrors(interval), interval.toSeconds(), interval.toSeconds(),
                    TimeUnit.SECONDS);
        }
        return service;
    }

    /** A failing tick must not end the schedule (an executor stops a periodic task that throws). */
    private void tickSafely() {
        try {
            monitor.tick();
        } catch (RuntimeException e) {
            LOG.error("health monitor tick failed; monitoring continues", e);
        }
    }

    private void publish(Metrics metrics, Registry registry) {
        for (Tier tier : Tier.values()) {
            for (HealthState state : HealthState.values()) {
                Gauge.builder("wardnet.cameras.health", () -> countsByTierOncePerScrape(registry).get(tier).get(state))
                        .description("Cameras per health state, by the tier of their site")
                        .tag("tier", tier.name()).tag("state", state.name()).register(metrics.registry());
            }
        }
        Gauge.builder("wardnet.probes.missed", monitor, HealthMonitor::probesMissed)
                .description("Probes skipped because the camera's previous probe was still running")
                .register(metrics.registry());
        Gauge.builder("wardnet.probes.started", monitor, HealthMonitor::probesStarted)
                .description("Probes started since start").register(metrics.registry());
        Gauge.builder("wardnet.probes.inflight", monitor, HealthMonitor::inFlight)
                .description("Probes running now (approximate)").register(metrics.registry());
        Gauge.builder("wardnet.health.alarms", hub, HealthEventHub::alarms)
                .description("Alarms raised since start").register(metrics.registry());
    }

    private volatile Map<Tier, Map<HealthState, Long>> lastCounts;
    private volatile long lastCountsAt;

    /**
     * The twelve tier-and-state gauges are read one after another in one scrape: count once and
     * let them share the result for a second, instead of walking every camera twelve times.
     */
    private Map<Tier, Map<HealthState, Long>> countsByTierOncePerScrape(Registry registry) {
        long now = System.nanoTime();
        Map<Tier, Map<HealthState, Long>> counts = lastCounts;
        if (counts == null || now - lastCountsAt > 1_000_000_000L) {
            counts = countsByTier(registry);
            lastCounts = counts;
            lastCountsAt = now;
        }
        return counts;
    }

    private Map<Tier, Map<HealthState, Long>> countsByTier(Registry registry) {
        Map<Tier, Map<HealthState, Long>> counts = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            Map<HealthState, Long> perState = new EnumMap<>(HealthState.class);
            for (HealthState state : HealthState.values()) {
                perState.put(state, 0L);
            }
            counts.put(tier, perState);
        }
        for (CameraHealth health : monitor.all().values()) {
            registry.camera(health.cameraId()).flatMap(camera -> registry.site(camera.siteId()))
                    .ifPresent(site -> counts.get(site.tier()).merge(health.state(), 1L, Long::sum));
        }
        return counts;
    }

    public HealthMonitor monitor() {
        return monitor;
    }

    public HealthEventHub hub() {
        return hub;
    }

    public JdbcHealthHistory history() {
        return history;
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public void close() {
        loop.shutdownNow();
        probeLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        try {
            hub.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
