package org.wardnet.server.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Tier;
import org.wardnet.server.http.RequestObserver;

/**
 * The process's metrics, exposed in Prometheus text format: HTTP requests by method, route and
 * status with a latency histogram; sites and cameras per tier; open connections and queued writes;
 * JVM memory, threads, GC and CPU; the process's open files and their limit.
 *
 * <p>Route labels are templates ({@code /api/v1/cameras/{id}}), never raw paths, so the number of
 * series stays bounded whatever clients send.
 */
public final class Metrics implements RequestObserver, AutoCloseable {

    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** Publishes per-tier counts of the registry. */
    public void watchRegistry(Registry wardnetRegistry) {
        for (Tier tier : Tier.values()) {
            Gauge.builder("wardnet.sites", () -> wardnetRegistry.queries().sitesPerTier().get(tier))
                    .description("Sites in the registry").tag("tier", tier.name()).register(registry);
            Gauge.builder("wardnet.cameras", () -> wardnetRegistry.camerasPerTier().get(tier))
                    .description("Cameras in the registry, by the tier of the site they belong to")
                    .tag("tier", tier.name()).register(registry);
        }
    }

    /** Publishes a gauge read from {@code value} at each scrape. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    @Override
    public void observe(String method, String route, int status, long nanos) {
        String key = method + ' ' + route + ' ' + status;
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder("http.server.requests")
                    .description("HTTP requests answered, by method, route template and status")
                    .tags("method", method, "route", route, "status", Integer.toString(status))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The registry, for components that publish their own meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition (format 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
