package org.wardnet.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The wall clock stepped an hour forward, then an hour back, while cameras are probed every 60 s:
 * probes keep their pace (no burst of an hour's worth at once, no hour without any), and a camera
 * that fails twice around the step is not called OFFLINE, since its failures did not last the
 * policy's 100 s, whatever the wall clock says.
 */
class ClockStepTest {

    private static final Duration INTERVAL = Duration.ofSeconds(60);

    @Test
    void probesKeepTheirPaceAndNoCameraGoesOfflineWhenTheWallClockSteps() {
        MonitorFixture f = new MonitorFixture();
        f.cameras("R1", 30);
        String flaky = "R1-cam7";
        Set<Integer> failingProbes = Set.of(3, 4); // its 3rd and 4th probes fail: a 60 s outage
        Map<String, Integer> seen = new HashMap<>();
        f.answers = id -> {
            int n = seen.merge(id, 1, Integer::sum);
            return id.equals(flaky) && failingProbes.contains(n)
                    ? ProbeOutcome.failed(2, ProbeErrorClass.TIMEOUT, "no answer")
                    : new ProbeOutcome(true, 10, null, null, null, null, null, null);
        };
        f.start(64);
        f.monitor.tick();

        f.run(INTERVAL.multipliedBy(2).plusSeconds(30));
        Map<String, Integer> beforeStep = new HashMap<>(f.probes);
        f.stepWallClock(Duration.ofHours(1)); // during the flaky camera's outage
        f.run(INTERVAL.multipliedBy(3));
        assertPace(f, beforeStep, 3, "an hour forward");

        Map<String, Integer> beforeBack = new HashMap<>(f.probes);
        f.stepWallClock(Duration.ofHours(-1));
        f.run(INTERVAL.multipliedBy(3));
        assertPace(f, beforeBack, 3, "an hour back");

        assertTrue(f.events.stream().noneMatch(e -> e.to().equals("OFFLINE")), () -> "called OFFLINE: " + f.events);
        assertTrue(f.alarms().isEmpty(), () -> "alarms: " + f.alarms());
        assertEquals(HealthState.ONLINE, f.monitor.health(flaky).state());
    }

    /** Every camera was probed {@code intervals} times (one either way at the edges) since {@code before}. */
    private static void assertPace(MonitorFixture f, Map<String, Integer> before, int intervals, String step) {
        f.probes.forEach((id, count) -> {
            int since = count - before.getOrDefault(id, 0);
            assertTrue(Math.abs(since - intervals) <= 1, () -> id + " was probed " + since + " times in " + intervals
                    + " intervals after the wall clock stepped " + step);
        });
    }
}
