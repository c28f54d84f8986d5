package org.wardnet.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteCorrelationTest {

    private final SiteCorrelation correlation = new SiteCorrelation(3);
    private final List<String> chain = List.of("R1", "S1", "C");

    @Test
    void nestedSitesWithTheSameCamerasGoAndComeBackTogether() {
        for (String camera : List.of("a", "b", "c")) {
            correlation.add(camera, chain);
        }
        List<HealthEvent> events = new java.util.ArrayList<>();
        for (String camera : List.of("a", "b", "c")) {
            events.addAll(correlation.update(camera, chain, true, Instant.EPOCH, id -> "REFUSED"));
        }
        assertEquals(List.of("C", "S1", "R1"), events.stream().map(HealthEvent::id).toList());
        assertEquals(List.of(true, false, false), events.stream().map(HealthEvent::alarm).toList(),
                "one alarm, for the outermost site; the inner ones are grouped under it");
        assertEquals("C", events.get(2).groupedBy());
        assertTrue(correlation.isUnreachable("R1"));
        List<HealthEvent> back = correlation.update("a", chain, false, Instant.EPOCH, id -> "ok");
        assertEquals(3, back.size(), back.toString());
        assertFalse(correlation.isUnreachable("R1"));
        assertFalse(correlation.isUnreachable("S1"));
        assertFalse(correlation.isUnreachable("C"));
    }
}
