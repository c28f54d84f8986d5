package org.wardnet.app.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.health.CameraProber;
import org.wardnet.core.health.ProbeDepth;
import org.wardnet.core.health.ProbeErrorClass;
import org.wardnet.core.health.ProbeOutcome;
import org.wardnet.core.registry.Camera;

/**
 * Wraps the prober to measure every probe (latency histogram, errors by class) and to log probe
 * errors in aggregate: one line per error class per interval with its count and one example,
 * never one line per camera.
 */
public final class ObservedProber implements CameraProber {

    private static final Logger LOG = LoggerFactory.getLogger("wardnet.probes");

    private final CameraProber delegate;
    private final Timer latency;
    private final Map<ProbeErrorClass, Counter> errors = new EnumMap<>(ProbeErrorClass.class);
    private final Map<ProbeErrorClass, LongAdder> sinceLastLog = new EnumMap<>(ProbeErrorClass.class);
    private final Map<ProbeErrorClass, String> example = new ConcurrentHashMap<>();

    public ObservedProber(CameraProber delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.latency = Timer.builder("wardnet.probe.duration").description("Camera probe duration")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10))
                .register(registry);
        for (ProbeErrorClass error : ProbeErrorClass.values()) {
            errors.put(error, Counter.builder("wardnet.probe.errors").description("Failed camera probes by class")
                    .tag("class", error.name()).register(registry));
            sinceLastLog.put(error, new LongAdder());
        }
    }

    @Override
    public CompletableFuture<ProbeOutcome> probe(Camera camera, ProbeDepth depth) {
        return delegate.probe(camera, depth).thenApply(outcome -> {
            latency.record(Duration.ofMillis(outcome.rttMillis()));
            if (!outcome.ok()) {
                errors.get(outcome.error()).increment();
                sinceLastLog.get(outcome.error()).increment();
                example.putIfAbsent(outcome.error(), camera.id() + ": " + outcome.message());
            }
            return outcome;
        });
    }

    /** Logs the errors counted since the last call, one line per class; called once per interval. */
    public void logErrors(Duration interval) {
        for (ProbeErrorClass error : ProbeErrorClass.values()) {
            long count = sinceLastLog.get(error).sumThenReset();
            String sample = example.remove(error);
            if (count > 0) {
                LOG.info("probe errors in the last {} s: {} x{} (e.g. {})", interval.toSeconds(), error, count, sample);
            }
        }
    }
}
