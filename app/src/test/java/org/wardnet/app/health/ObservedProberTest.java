package org.wardnet.app.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.wardnet.core.health.ProbeErrorClass;
import org.wardnet.core.health.ProbeOutcome;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.CameraDraft;

class ObservedProberTest {

    private static Camera camera(int i) {
        return new CameraDraft("cam" + i, "R1", "c", new CameraDraft.Location(1.0, 1.0), null, null, null, null, null,
                new CameraDraft.Rtsp("rtsp://127.1.0.1/", null, null, null)).validate(null, Instant.EPOCH).value();
    }

    @Test
    void errorsAreLoggedOneLinePerClassPerIntervalWithCounts() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservedProber prober = new ObservedProber((camera, depth) -> CompletableFuture.completedFuture(
                camera.id().endsWith("7") ? ProbeOutcome.failed(3, ProbeErrorClass.AUTH_FAILED, "refused")
                        : ProbeOutcome.failed(5_000, ProbeErrorClass.TIMEOUT, "no answer")), meters);
        for (int i = 0; i < 1_000; i++) {
            prober.probe(camera(i), org.wardnet.core.health.ProbeDepth.OPTIONS).join();
        }
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            prober.logErrors(Duration.ofSeconds(60));
            prober.logErrors(Duration.ofSeconds(60)); // nothing new: nothing logged
        } finally {
            System.setErr(original);
        }
        List<String> lines = Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(l -> l.contains("probe errors")).toList();
        assertEquals(2, lines.size(), "one line per class: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("TIMEOUT x900")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("AUTH_FAILED x100")), lines.toString());
        assertEquals(900.0, meters.get("wardnet.probe.errors").tag("class", "TIMEOUT").counter().count());
        assertEquals(1_000, meters.get("wardnet.probe.duration").timer().count());
    }
}
