package org.wardnet.app.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.Ticker;
import org.wardnet.core.health.CameraProber;
import org.wardnet.core.health.HealthHistory;
import org.wardnet.core.health.HealthMonitor;
import org.wardnet.core.health.HealthPolicy;
import org.wardnet.core.health.HealthState;
import org.wardnet.core.health.MonitorSettings;
import org.wardnet.core.health.ProbeDepth;
import org.wardnet.core.health.StateCounts;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Tier;

/**
 * Runs the health monitor: one thread of its own that ticks the schedule and applies every probe's
 * outcome; the prober handed in does its I/O on event loops of its own (the composition root keeps
 * them apart from the API's, so a flood of probes cannot slow the API). Publishes per-tier state
 * gauges and probe metrics. When {@code health.enabled} is false
 * nothing is probed and every camera stays UNKNOWN.
 */
public final class HealthService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);

    private final HealthMonitor monitor;
    private final HealthEventHub hub;
    private final HealthQueries queries;
    private final ScheduledExecutorService loop;
    private final boolean enabled;

    private HealthService(HealthMonitor monitor, HealthEventHub hub, HealthQueries queries,
            ScheduledExecutorService loop, boolean enabled) {
        this.monitor = monitor;
        this.hub = hub;
        this.queries = queries;
        this.loop = loop;
        this.enabled = enabled;
    }

    /**
     * @param hub        where health events go: the history, and live subscribers
     * @param cameras    how a camera is probed; its I/O must not run on the API's event loops
     * @param meters     where probe and state metrics are published
     * @param probedHere which cameras this node probes (a child tier node's cameras are probed by the child)
     * @param remote     what child nodes reported of the cameras they probe
     */
    public static HealthService start(WardnetConfig config, Registry registry, HealthHistory history,
            HealthEventHub hub, CameraProber cameras, MeterRegistry meters, Predicate<Camera> probedHere,
            RemoteHealth remote) {
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
        ObservedProber prober = new ObservedProber(cameras, meters);
        HealthMonitor monitor = new HealthMonitor(registry, prober, hub, settings, Clock.systemUTC(), Ticker.system(),
                loop::execute,
                probedHere);
        boolean enabled = config.get(WardnetKeys.HEALTH_ENABLED);
        HealthService service = new HealthService(monitor, hub,
                new HealthQueries(registry, monitor, history, hub, remote, enabled), loop, enabled);
        service.publish(meters);
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

    private void publish(MeterRegistry meters) {
        for (Tier tier : Tier.values()) {
            for (HealthState state : HealthState.values()) {
                Gauge.builder("wardnet.cameras.health", () -> countsByTierOncePerScrape().get(tier).get(state))
                        .description("Cameras per health state, by the tier of their site")
                        .tag("tier", tier.name()).tag("state", state.name()).register(meters);
            }
        }
        Gauge.builder("wardnet.probes.missed", monitor, HealthMonitor::probesMissed)
                .description("Probes skipped because the camera's previous probe was still running")
                .register(meters);
        Gauge.builder("wardnet.probes.started", monitor, HealthMonitor::probesStarted)
                .description("Probes started since start").register(meters);
        Gauge.builder("wardnet.probes.inflight", monitor, HealthMonitor::inFlight)
                .description("Probes running now (approximate)").register(meters);
        Gauge.builder("wardnet.health.alarms", hub, HealthEventHub::alarms)
                .description("Alarms raised since start").register(meters);
    }

    private volatile Map<Tier, StateCounts> lastCounts;
    private volatile long lastCountsAt;

    /**
     * The twelve tier-and-state gauges are read one after another in one scrape: count once and
     * let them share the result for a second, instead of walking every camera twelve times.
     */
    private Map<Tier, StateCounts> countsByTierOncePerScrape() {
        long now = System.nanoTime();
        Map<Tier, StateCounts> counts = lastCounts;
        if (counts == null || now - lastCountsAt > 1_000_000_000L) {
            counts = queries.countsByTier();
            lastCounts = counts;
            lastCountsAt = now;
        }
        return counts;
    }

    public HealthMonitor monitor() {
        return monitor;
    }

    public HealthEventHub hub() {
        return hub;
    }

    /** What callers ask of health: a camera, a subtree's summary, the event stream. */
    public HealthQueries queries() {
        return queries;
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public void close() {
        loop.shutdownNow();
        try {
            hub.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
