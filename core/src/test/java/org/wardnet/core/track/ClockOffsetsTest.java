package org.wardnet.core.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Clock offsets recovered from routes along a street of cameras 100 m apart whose clocks are off
 * by known amounts, walked both ways by subjects of different paces, some of whom stop.
 */
class ClockOffsetsTest {

    private static final int CAMERAS = 12;
    private static final double[] SKEW = {0, 40, -35, 12, -58, 25, 3, -20, 55, -8, 30, -45};

    private static double distance(String a, String b) {
        return 100.0 * Math.abs(index(a) - index(b));
    }

    private static int index(String id) {
        return Integer.parseInt(id.substring(1));
    }

    /** A subject walking from camera {@code from} to {@code to}, seen by each camera on the way. */
    private static ClockOffsets.Route walk(int from, int to, double metresPerSecond, double stopSeconds, int stopAt) {
        List<String> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        int step = from < to ? 1 : -1;
        double t = 0;
        for (int c = from; ; c += step) {
            ids.add("c" + c);
            times.add(Math.round((t + SKEW[c]) * 1000));
            if (c == to) {
                break;
            }
            t += 100 / metresPerSecond + (c == stopAt ? stopSeconds : 0);
        }
        return new ClockOffsets.Route(TravelMode.WALK, ids, times);
    }

    private static List<ClockOffsets.Route> routes(Random random, boolean withStops) {
        List<ClockOffsets.Route> routes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int a = random.nextInt(CAMERAS);
            int b = random.nextInt(CAMERAS);
            if (Math.abs(a - b) < 2) {
                continue;
            }
            double pace = 0.8 + 1.0 * random.nextDouble();
            boolean stops = withStops && random.nextInt(5) == 0;
            routes.add(walk(a, b, pace, stops ? 60 + 60 * random.nextDouble() : 0, stops ? (a + b) / 2 : -1));
        }
        return routes;
    }

    // Along one straight street, offsets that grow steadily with the distance look the same as
    // subjects going one way a little faster than the other: only the prior tells them apart, so
    // a few seconds of such a tilt remain.
    @Test
    void recoversEveryDifferenceBetweenClocks() {
        ClockOffsets clocks = ClockOffsets.fit(routes(new Random(3), false), ClockOffsetsTest::distance);
        assertOffsets(clocks, 3.0);
    }

    @Test
    void aWalkTooFastForItsClocksMovesThem() {
        // 100 m in 13 s by the clocks (c3 runs 12 s fast, c4 58 s slow): no walker is that fast
        ClockOffsets clocks = ClockOffsets.fit(List.of(walk(3, 4, 1.2, 0, -1)), ClockOffsetsTest::distance);
        assertTrue(clocks.seconds("c4") < clocks.seconds("c3"), clocks.all().toString());
    }

    @Test
    void aLongStopDoesNotMoveAClock() {
        ClockOffsets clocks = ClockOffsets.fit(routes(new Random(4), true), ClockOffsetsTest::distance);
        assertOffsets(clocks, 6.0);
    }

    @Test
    void aRouteOfOneLegTeachesNothing() {
        // 100 m in 123 s by the clocks: a walker's pace explains it, so nothing is learned of the clocks
        ClockOffsets clocks = ClockOffsets.fit(List.of(walk(0, 1, 1.2, 0, -1)), ClockOffsetsTest::distance);
        assertEquals(0, clocks.seconds("c0"), 1e-6);
        assertEquals(0, clocks.seconds("c1"), 1e-6);
        assertEquals(1, clocks.legs("c0"));
        assertEquals(0, clocks.seconds("unknown"));
    }

    @Test
    void routeCheckReadsTheClocksFirst() {
        // c4 runs 58 s slow and c5 25 s fast: a 100 m walk of 80 s reads as 163 s
        ClockOffsets clocks = ClockOffsets.of(Map.of("c4", -58.0, "c5", 25.0), Map.of("c4", 20, "c5", 20));
        Instant t = Instant.parse("2026-10-01T08:00:00Z");
        List<TrackCase.Hop> hops = List.of(new TrackCase.Hop(1, "c5", t, null, null, t),
                new TrackCase.Hop(2, "c4", t.minusSeconds(3), null, null, t));
        // read raw, c5 → c4 runs backwards by 3 s (within a 0 s margin that is impossible)
        assertTrue(RouteCheck.legs(hops, TravelMode.WALK, ClockOffsetsTest::distance, 0).get(0).flags()
                .contains(RouteCheck.Flag.TIME_BACKWARDS));
        RouteCheck.Leg leg = RouteCheck.legs(hops, TravelMode.WALK, ClockOffsetsTest::distance, 0, clocks).get(0);
        assertTrue(leg.possible(), leg.toString());
        assertEquals(80, leg.seconds(), 1e-9);
        assertEquals(-83, leg.clockCorrectionSeconds(), 1e-9);
    }

    @Test
    void speedsAreReadByTheFittedClocks() {
        List<ClockOffsets.Route> routes = routes(new Random(5), false);
        RouteFit fit = RouteFit.fit(routes, ClockOffsetsTest::distance);
        TravelSpeeds.Spread walk = fit.speeds().learned(TravelMode.WALK);
        // the subjects walked 0.8-1.8 m/s; read raw, clocks up to 58 s off make 100 m legs run at
        // anything from 0.6 m/s to the impossible
        assertTrue(walk.slow() >= 0.75 && walk.fast() <= 1.9 && walk.typical() > 1.0 && walk.typical() < 1.6,
                walk.toString());
        TravelSpeeds raw = TravelSpeeds.fit(routes, ClockOffsetsTest::distance, ClockOffsets.NONE);
        assertTrue(raw.learned(TravelMode.WALK).slow() < 0.75, raw.learned(TravelMode.WALK).toString());
        assertEquals(null, fit.speeds().learned(TravelMode.CAR));
        assertEquals(TravelMode.CAR.fastest(), fit.speeds().fastest(TravelMode.CAR));
    }

    /** Offsets match the skews up to one common shift, within {@code tolerance} seconds each. */
    private static void assertOffsets(ClockOffsets clocks, double tolerance) {
        double shift = 0;
        for (int c = 0; c < CAMERAS; c++) {
            shift += (clocks.seconds("c" + c) - SKEW[c]) / CAMERAS;
        }
        for (int c = 0; c < CAMERAS; c++) {
            double error = clocks.seconds("c" + c) - shift - SKEW[c];
            assertTrue(Math.abs(error) <= tolerance, "c" + c + " off by " + error + " s: " + clocks.all());
            assertTrue(clocks.legs("c" + c) > 0);
        }
    }
}
