package org.wardnet.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A parent node leaves its children's cameras to them: the monitor never probes a camera it is told
 * is probed elsewhere, holds no state for it (so it cannot call it offline), and takes it up again
 * when it is its own once more.
 */
class ProbedElsewhereTest {

    @Test
    void camerasProbedElsewhereAreNeverProbedHere() {
        MonitorFixture fixture = new MonitorFixture();
        fixture.cameras("R1", 3);
        fixture.cameras("R2", 3);
        boolean[] childOwnsR2 = {true};
        fixture.start(16, camera -> !(childOwnsR2[0] && camera.siteId().equals("R2")));
        fixture.monitor.reconcile();
        fixture.answers = id -> ProbeOutcome.failed(5, ProbeErrorClass.REFUSED, "refused");
        fixture.run(Duration.ofMinutes(5));
        assertEquals(3, fixture.probes.size(), "only R1's cameras were probed: " + fixture.probes.keySet());
        assertTrue(fixture.probes.keySet().stream().allMatch(id -> id.startsWith("R1-")));
        assertNull(fixture.monitor.health("R2-cam0"), "no state of its own for a child's camera");
        assertTrue(fixture.alarms().stream().noneMatch(e -> e.id().startsWith("R2")), "and no alarm for it");

        childOwnsR2[0] = false;
        fixture.monitor.reconcile();
        fixture.run(Duration.ofMinutes(2));
        assertTrue(fixture.probes.containsKey("R2-cam0"), "its own again: probed");
    }
}
