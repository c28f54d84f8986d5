package org.wardnet.core.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Learned travel times, their blend with the prior, and the route check of a case. */
class TrackModelTest {

    @Test
    void travelTimeQuantilesFollowTheHops() {
        TravelTimes times = new TravelTimes();
        for (int i = 0; i < 100; i++) {
            times.add(50 + i % 11); // 50-60 s
        }
        double median = times.quantile(0.5);
        assertTrue(median > 40 && median < 70, "median " + median);
        assertTrue(times.quantile(0.05) < times.quantile(0.95));
        assertTrue(Double.isNaN(new TravelTimes().quantile(0.5)));
        assertEquals(100, TravelTimes.of(times.counts()).total(), "survives the store's round trip");
        assertThrows(IllegalArgumentException.class, () -> TravelTimes.of(new int[3]));
    }

    /** Three cameras without streets: b 50 m east of a, c 200 m north; prior strength 3. */
    private static FollowPlanner openGround(TransitionMemory memory) {
        LocalPlane plane = new LocalPlane(29.87, 121.55);
        CameraMap map = new CameraMap(null, plane, 25);
        map.put("a", plane.point(0, 0), null);
        map.put("b", plane.point(50, 0), null);
        map.put("c", plane.point(0, 200), null);
        return new FollowPlanner(map, new NextCameraModel(0.75, 1.3), memory, new TrackLinks(), 3, 30_000);
    }

    @Test
    void learnedHopsTakeOverAsTheyAccumulate() {
        TransitionMemory memory = new TransitionMemory();
        FollowPlanner planner = openGround(memory);
        FollowQuery query = new FollowQuery("a", Instant.parse("2026-11-29T14:00:00Z"), TravelMode.WALK, 600, 5, null,
                null, null);
        FollowPlan before = planner.plan(query);
        assertEquals(1.0, before.priorWeight());
        assertEquals("b", before.candidates().get(0).cameraId(), "nearer, in its own sector");
        for (int i = 0; i < 9; i++) {
            memory.record("a", "c", TravelMode.WALK, 170 + i);
        }
        FollowPlan after = planner.plan(query);
        assertEquals(0.25, after.priorWeight(), 1e-9, "3 / (9 + 3)");
        FollowPlan.Candidate c = after.candidates().get(0);
        assertEquals("c", c.cameraId());
        assertEquals(9, c.learnedHops());
        long early = c.windowFrom().getEpochSecond() - query.time().getEpochSecond() + 30;
        assertTrue(early > 80 && early < 180, "the window moved toward the learned times: starts " + early + " s after");
        for (int i = 0; i < 3; i++) {
            memory.record("a", "b", TravelMode.WALK, 40);
        }
        FollowPlan south = planner.plan(new FollowQuery("a", query.time(), TravelMode.WALK, 600, 5, 180.0, null, null));
        assertEquals("b", south.candidates().get(0).cameraId(), "heading south: the hops learned going north lie behind");
        assertEquals("c", planner.plan(query).candidates().get(0).cameraId(), "without a heading, nine hops beat three");
    }

    /**
     * Negative evidence: b was reviewed in vain, and subjects that went from a to b mostly went on
     * to c; so c, which nothing else favours, comes before d, which two hops from a went to.
     */
    @Test
    void hopsToACameraReviewedInVainPassOnToWhereItsOwnHopsWent() {
        TransitionMemory memory = new TransitionMemory();
        FollowPlanner planner = openGround(memory);
        LocalPlane plane = planner.map().plane();
        planner.map().put("d", plane.point(0, -150), null);
        for (int i = 0; i < 9; i++) {
            memory.record("a", "b", TravelMode.WALK, 40);
            memory.record("b", "c", TravelMode.WALK, 150);
        }
        memory.record("a", "d", TravelMode.WALK, 120);
        memory.record("a", "d", TravelMode.WALK, 120);
        FollowQuery notAtB = new FollowQuery("a", Instant.parse("2026-11-29T14:00:00Z"), TravelMode.WALK, 600, 5, null,
                java.util.Set.of("b"), null);
        FollowPlan plan = planner.plan(notAtB);
        assertEquals("c", plan.candidates().get(0).cameraId(), plan.toString());
        assertEquals("d", plan.candidates().get(1).cameraId(), plan.toString());
        assertEquals(0, plan.candidates().get(0).learnedHops(), "no hop went from a to c directly");
        assertTrue(plan.candidates().get(0).learned() > 0.8, "a to b's nine hops of eleven, passed on: " + plan);
    }

    @Test
    void hopsLearnedByOneModeRankCamerasForEveryModeButTimeOnlyTheirOwn() {
        TransitionMemory memory = new TransitionMemory();
        FollowPlanner planner = openGround(memory);
        for (int i = 0; i < 9; i++) {
            memory.record("a", "c", TravelMode.WALK, 170 + i);
        }
        FollowQuery byCar = new FollowQuery("a", Instant.parse("2026-11-29T14:00:00Z"), TravelMode.CAR, 120, 5, null,
                null, null);
        FollowPlan plan = planner.plan(byCar);
        FollowPlan.Candidate c = plan.candidates().get(0);
        assertEquals("c", c.cameraId(), "walkers' hops say where the street leads cars too");
        assertEquals(9, c.learnedHops());
        assertEquals(0.25, plan.priorWeight(), 1e-9);
        long late = c.windowTo().getEpochSecond() - byCar.time().getEpochSecond() - 30;
        assertTrue(late < 100, "the car's window comes from the distance at car speeds, not the walkers' 170 s: " + late);
    }

    @Test
    void legsAreFlaggedWhenTimeRunsBackwardsOrTheSpeedIsImpossible() {
        Instant t = Instant.parse("2026-11-29T14:00:00Z");
        List<TrackCase.Hop> hops = List.of(new TrackCase.Hop(1, "a", t, null, null, t),
                new TrackCase.Hop(2, "b", t.plusSeconds(100), null, null, t),
                new TrackCase.Hop(3, "c", t.plusSeconds(110), null, null, t),
                new TrackCase.Hop(4, "d", t.plusSeconds(50), null, null, t),
                new TrackCase.Hop(5, "gone", t.plusSeconds(500), null, null, t));
        List<RouteCheck.Leg> legs = RouteCheck.legs(hops, TravelMode.WALK,
                (x, y) -> y.equals("gone") || x.equals("gone") ? Double.NaN : 100);
        assertTrue(legs.get(0).possible(), "1 m/s");
        assertEquals(List.of(RouteCheck.Flag.TOO_FAST), legs.get(1).flags(), "10 m/s on foot");
        assertEquals(List.of(RouteCheck.Flag.TIME_BACKWARDS), legs.get(2).flags());
        assertEquals(null, legs.get(3).distanceMeters(), "a camera no longer registered has no place");
        assertTrue(legs.get(3).possible());
        assertTrue(RouteCheck.legs(hops.subList(0, 3), TravelMode.CAR, (x, y) -> 100).stream()
                .allMatch(RouteCheck.Leg::possible), "10 m/s is a car's pace");
    }

    /** Clocks that disagree by up to the margin explain a short leg's odd times; beyond it they do not. */
    @Test
    void aClockSkewMarginExplainsLegsTheClocksPutOutOfOrder() {
        Instant t = Instant.parse("2026-11-29T14:00:00Z");
        List<TrackCase.Hop> hops = List.of(new TrackCase.Hop(1, "a", t, null, null, t),
                new TrackCase.Hop(2, "b", t.minusSeconds(40), null, null, t),  // 40 s "before"
                new TrackCase.Hop(3, "c", t.minusSeconds(38), null, null, t),  // 30 m in 2 s
                new TrackCase.Hop(4, "d", t.minusSeconds(130), null, null, t), // 92 s before
                new TrackCase.Hop(5, "e", t.minusSeconds(125), null, null, t)); // 1 km in 5 s
        List<RouteCheck.Leg> legs = RouteCheck.legs(hops, TravelMode.WALK,
                (x, y) -> y.equals("e") ? 1_000 : 30, 60);
        assertTrue(legs.get(0).possible(), "40 s backwards is within 60 s of clock error: " + legs.get(0));
        assertTrue(legs.get(1).possible(), "30 m in 2 s + 60 s: " + legs.get(1));
        assertEquals(List.of(RouteCheck.Flag.TIME_BACKWARDS), legs.get(2).flags(), "92 s is beyond the margin");
        assertEquals(List.of(RouteCheck.Flag.TOO_FAST), legs.get(3).flags(), "1 km in 65 s is 15 m/s on foot");
        assertEquals(List.of(RouteCheck.Flag.TIME_BACKWARDS), RouteCheck.legs(hops.subList(0, 2), TravelMode.WALK,
                (x, y) -> 30).get(0).flags(), "without a margin, as before");
    }
}
