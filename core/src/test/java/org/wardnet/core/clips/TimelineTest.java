package org.wardnet.core.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardnet.core.geo.GeoArea;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.registry.GeoPoint;

class TimelineTest {

    private static final Instant T = Instant.parse("2026-11-29T14:00:00Z");

    private static Clip clip(int fromMinute, int toMinute) {
        return new Clip(1, "a", T.plusSeconds(fromMinute * 60L), T.plusSeconds(toMinute * 60L), "/x.mp4", null, null,
                null, null, null, null, ClipOrigin.RECORDED);
    }

    private static HealthEvent event(int minute, String from, String to, String reason) {
        return new HealthEvent(T.plusSeconds(minute * 60L), HealthEvent.Subject.CAMERA, "a", from, to, reason, false, null);
    }

    @Test
    void gapsTakeTheCauseOfTheOutageThatOverlapsThem() {
        // newest first, as the history returns them: offline from 14:03 to 14:07, then again from 14:20
        List<HealthEvent> history = List.of(event(20, "ONLINE", "OFFLINE", "connection refused"),
                event(7, "OFFLINE", "ONLINE", null), event(3, "ONLINE", "OFFLINE", "timed out"),
                event(-60, "UNKNOWN", "ONLINE", null));
        List<Timeline.Outage> outages = Outages.offline(history, T.plusSeconds(30 * 60));
        assertEquals(2, outages.size());
        assertEquals(T.plusSeconds(180), outages.get(0).from());
        assertEquals(T.plusSeconds(420), outages.get(0).to());
        assertEquals("camera offline: connection refused", outages.get(1).cause());
        assertEquals(T.plusSeconds(30 * 60), outages.get(1).to(), "still offline at the end of the window");

        Timeline timeline = Timeline.of(List.of(clip(0, 3), clip(8, 15), clip(15, 20)), T, T.plusSeconds(30 * 60),
                Duration.ofSeconds(2), outages);
        assertEquals(2, timeline.covered().size());
        assertEquals(2, timeline.covered().get(1).clips(), "touching segments merge");
        assertEquals(2, timeline.gaps().size());
        assertEquals("camera offline: timed out", timeline.gaps().get(0).cause());
        assertEquals(T.plusSeconds(180), timeline.gaps().get(0).from());
        assertEquals(T.plusSeconds(480), timeline.gaps().get(0).to());
        assertEquals("camera offline: connection refused", timeline.gaps().get(1).cause());
        assertEquals((3 + 12) * 60, timeline.coveredSeconds());
    }

    @Test
    void recorderOutagesExplainTheGapsHealthDoesNot() {
        // newest first: started, failed at 10, recording again at 12, then restarted at 20 without a stop
        List<HealthEvent> history = List.of(event(20, "NOT_RECORDING", "RECORDING", "recording started"),
                event(12, "RECORDER_DOWN", "RECORDING", "recording again"),
                event(10, "RECORDING", "RECORDER_DOWN", "connection refused"),
                event(0, "NOT_RECORDING", "RECORDING", "recording started"));
        List<Timeline.Outage> outages = Outages.of(history, T.plusSeconds(30 * 60));
        Timeline timeline = Timeline.of(List.of(clip(0, 10), clip(12, 17), clip(21, 30)), T, T.plusSeconds(30 * 60),
                Duration.ofSeconds(2), outages);
        assertEquals(2, timeline.gaps().size(), timeline.toString());
        assertEquals("recorder reconnecting: connection refused", timeline.gaps().get(0).cause());
        assertEquals("recorder restart", timeline.gaps().get(1).cause());
    }

    @Test
    void overlappingClipsMergeAndWindowEdgesClip() {
        Timeline timeline = Timeline.of(List.of(clip(-10, 5), clip(2, 4), clip(4, 12)), T, T.plusSeconds(600),
                Duration.ZERO, List.of());
        assertEquals(1, timeline.covered().size());
        assertEquals(T, timeline.covered().get(0).from());
        assertEquals(T.plusSeconds(600), timeline.covered().get(0).to());
        assertTrue(timeline.gaps().isEmpty());
        Timeline empty = Timeline.of(List.of(), T, T.plusSeconds(60), Duration.ZERO, List.of());
        assertEquals(1, empty.gaps().size());
        assertNull(empty.gaps().get(0).cause());
    }

    @Test
    void areasPickTheRightPoints() {
        GeoPoint centre = new GeoPoint(29.87, 121.55);
        GeoArea.Circle circle = new GeoArea.Circle(centre, 1_000);
        assertTrue(circle.contains(new GeoPoint(29.878, 121.55)), "about 890 m north");
        assertFalse(circle.contains(new GeoPoint(29.88, 121.55)), "about 1,112 m north");
        assertEquals(1_111.95, GeoArea.distanceMeters(centre, new GeoPoint(29.88, 121.55)), 0.5);
        GeoArea.Polygon square = new GeoArea.Polygon(List.of(new GeoPoint(0, 0), new GeoPoint(0, 1),
                new GeoPoint(1, 1), new GeoPoint(1, 0)));
        assertTrue(square.contains(new GeoPoint(0.5, 0.5)));
        assertFalse(square.contains(new GeoPoint(1.5, 0.5)));
        GeoArea.Polygon concave = new GeoArea.Polygon(List.of(new GeoPoint(0, 0), new GeoPoint(0, 4),
                new GeoPoint(4, 4), new GeoPoint(4, 3), new GeoPoint(1, 3), new GeoPoint(1, 1), new GeoPoint(4, 1),
                new GeoPoint(4, 0)));
        assertFalse(concave.contains(new GeoPoint(2, 2)), "inside the notch");
        assertTrue(concave.contains(new GeoPoint(0.5, 2)));
    }
}
