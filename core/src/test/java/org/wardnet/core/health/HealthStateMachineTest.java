package org.wardnet.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthStateMachineTest {

    private final HealthStateMachine machine = new HealthStateMachine(HealthPolicy.defaults());
    private final Instant t0 = Instant.parse("2026-11-29T08:00:00Z");

    private static ProbeOutcome ok(long rtt) {
        return new ProbeOutcome(true, rtt, null, null, "H264", 640, 360, null);
    }

    private static ProbeOutcome fail(ProbeErrorClass error) {
        return ProbeOutcome.failed(5, error, error.name());
    }

    @Test
    void offlineOnlyAfterKFailuresSpanningT() {
        CameraHealth h = machine.next(CameraHealth.unknown("c", t0), ok(20), t0);
        assertEquals(HealthState.ONLINE, h.state());
        h = machine.next(h, fail(ProbeErrorClass.TIMEOUT), t0.plusSeconds(60));
        h = machine.next(h, fail(ProbeErrorClass.TIMEOUT), t0.plusSeconds(61));
        h = machine.next(h, fail(ProbeErrorClass.TIMEOUT), t0.plusSeconds(62));
        assertEquals(HealthState.ONLINE, h.state(), "three failures within 2 s are not T = 100 s");
        assertEquals(3, h.consecutiveFailures());
        h = machine.next(h, fail(ProbeErrorClass.REFUSED), t0.plusSeconds(180));
        assertEquals(HealthState.OFFLINE, h.state());
        assertEquals(t0.plusSeconds(180), h.since());
        assertTrue(h.reason().contains("4 failed probes"), h.reason());
    }

    @Test
    void howLongFailuresLastedIsWhatIsGivenNotWhatTheWallClockSays() {
        CameraHealth h = machine.next(CameraHealth.unknown("c", t0), ok(20), t0);
        h = machine.next(h, fail(ProbeErrorClass.TIMEOUT), t0.plusSeconds(60), Duration.ZERO);
        Instant stepped = t0.plus(Duration.ofHours(1)); // the wall clock stepped an hour forward meanwhile
        h = machine.next(h, fail(ProbeErrorClass.TIMEOUT), stepped.plusSeconds(20), Duration.ofSeconds(20));
        h = machine.next(h, fail(ProbeErrorClass.TIMEOUT), stepped.plusSeconds(40), Duration.ofSeconds(40));
        assertEquals(HealthState.ONLINE, h.state(), "40 s of failures are not T = 100 s, though the stamps are an hour apart");
        h = machine.next(h, fail(ProbeErrorClass.TIMEOUT), t0.plusSeconds(100), Duration.ofSeconds(100)); // and back
        assertEquals(HealthState.OFFLINE, h.state(), "100 s of failures are, though the stamps are 40 s apart");
    }

    @Test
    void aSingleSuccessResetsTheRun() {
        CameraHealth h = machine.next(CameraHealth.unknown("c", t0), ok(20), t0);
        h = machine.next(h, fail(ProbeErrorClass.TIMEOUT), t0.plusSeconds(60));
        h = machine.next(h, fail(ProbeErrorClass.TIMEOUT), t0.plusSeconds(120));
        h = machine.next(h, ok(30), t0.plusSeconds(180));
        h = machine.next(h, fail(ProbeErrorClass.TIMEOUT), t0.plusSeconds(240));
        h = machine.next(h, fail(ProbeErrorClass.TIMEOUT), t0.plusSeconds(300));
        assertEquals(HealthState.ONLINE, h.state(), "the flap never reached three in a row");
    }

    @Test
    void comingBackNeedsMSuccesses() {
        CameraHealth h = CameraHealth.unknown("c", t0);
        for (int i = 0; i < 3; i++) {
            h = machine.next(h, fail(ProbeErrorClass.REFUSED), t0.plusSeconds(60L * i));
        }
        assertEquals(HealthState.OFFLINE, h.state(), "dead from the start: OFFLINE after 3 failures over 120 s >= T");
        h = machine.next(h, ok(20), t0.plusSeconds(180));
        assertEquals(HealthState.OFFLINE, h.state());
        assertTrue(h.reason().startsWith("recovering: 1 of 2"), h.reason());
        h = machine.next(h, ok(20), t0.plusSeconds(240));
        assertEquals(HealthState.ONLINE, h.state());
    }

    @Test
    void answeredFailuresAndSlownessAreDegradedAtOnce() {
        CameraHealth h = machine.next(CameraHealth.unknown("c", t0), fail(ProbeErrorClass.AUTH_FAILED), t0);
        assertEquals(HealthState.DEGRADED, h.state());
        assertEquals("credentials refused", h.reason());
        h = machine.next(h, ok(2_500), t0.plusSeconds(60));
        assertEquals(HealthState.DEGRADED, h.state());
        assertTrue(h.reason().startsWith("slow"), h.reason());
        h = machine.next(h, ok(40), t0.plusSeconds(120));
        assertEquals(HealthState.ONLINE, h.state());
        assertEquals("H264", h.codec());
        assertEquals(360, h.height());
    }

    @Test
    void policyRejectsNonsense() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new HealthPolicy(0, Duration.ZERO, 1, 1, 1));
    }
}
