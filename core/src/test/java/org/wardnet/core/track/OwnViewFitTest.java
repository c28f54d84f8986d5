package org.wardnet.core.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardnet.core.registry.GeoPoint;

/** A camera's own view: hops that follow it give it back; hops that follow the district's view leave cameras as they were. */
class OwnViewFitTest {

    private static final LocalPlane PLANE = new LocalPlane(29.87, 121.55);
    private static final CameraView DISTRICT = new CameraView(25, 60, 1);
    private static final NextCameraModel MODEL = new NextCameraModel(0.75, 1.3);

    /** A 600 m street crossed at 300 m by a 400 m one, cameras along both, looking every which way. */
    private static CameraMap crossing() {
        StreetNetwork network = StreetNetwork.of(List.of(
                new StreetSegment(PLANE.point(0, 0), PLANE.point(600, 0), null, false),
                new StreetSegment(PLANE.point(300, -200), PLANE.point(300, 200), null, false)));
        CameraMap map = new CameraMap(network, network.plane(), 25, DISTRICT);
        Random random = new Random(5);
        for (int i = 0; i < 40; i++) {
            double side = i % 2 == 0 ? 1 : -1;
            map.put("e" + i, PLANE.point(10 + i * 14.5, side * (3 + 12 * random.nextDouble())), 360 * random.nextDouble());
        }
        for (int i = 0; i < 20; i++) {
            double side = i % 2 == 0 ? 1 : -1;
            double y = -190 + i * 19.5;
            if (Math.abs(y) > 20) {
                map.put("n" + i, PLANE.point(300 + side * (3 + 12 * random.nextDouble()), y), 360 * random.nextDouble());
            }
        }
        // at the corner, no heading registered: in truth it looks north up the crossing street only
        map.put("corner", PLANE.point(306, 6), null);
        return map;
    }

    /** Hops in proportion to the prior on {@code seeing}: what confirmed routes would show if cameras saw that way. */
    private static List<ViewFit.Pair> hopsOn(CameraMap seeing) {
        List<ViewFit.Pair> pairs = new ArrayList<>();
        for (CameraMap.Spot origin : seeing.spots()) {
            for (NextCameraModel.Reach r : MODEL.explore(seeing, origin, TravelMode.WALK, 400, null, Set.of())) {
                int hops = (int) Math.round(300 * r.probability());
                if (hops > 0) {
                    pairs.add(new ViewFit.Pair(origin.cameraId(), r.cameraId(), TravelMode.WALK, hops));
                }
            }
        }
        return pairs;
    }

    @Test
    void aCameraLookingDownOneStreetIsFoundSo() {
        CameraMap map = crossing();
        CameraView narrow = new CameraView(45, 20, 0);
        CameraMap truth = map.withOwnViews(Map.of("corner", new CameraMap.Own(narrow, 0.0)));
        Map<String, OwnViewFit.OwnView> fitted = new OwnViewFit(MODEL, new Visibility(), 30)
                .fit(map, DISTRICT, hopsOn(truth));
        OwnViewFit.OwnView corner = fitted.get("corner");
        assertNotNull(corner, fitted.toString());
        assertNotNull(corner.heading(), corner.toString());
        double off = Math.abs(((corner.heading() - 0) % 360 + 540) % 360 - 180);
        assertTrue(off <= 30, "faces north give or take 30 degrees: " + corner);
        assertTrue(corner.gain() > 3 && corner.hops() >= 30, corner.toString());
        // the planner's map takes the camera as fitted; its registered heading stays as it was
        CameraMap applied = OwnViewFit.apply(map, fitted);
        // what the hops tell is which streets the camera takes in and about where, not its exact angle
        Map<Integer, double[]> fittedSees = seenStreets(applied, "corner");
        Map<Integer, double[]> trulySees = seenStreets(truth, "corner");
        assertEquals(trulySees.keySet(), fittedSees.keySet(), corner.toString());
        trulySees.forEach((edge, seen) -> {
            assertEquals(seen[0], fittedSees.get(edge)[0], 20, corner.toString());
            assertEquals(seen[1], fittedSees.get(edge)[1], 20, corner.toString());
        });
        assertTrue(!seenStreets(map, "corner").keySet().equals(trulySees.keySet()), "the district's view differs");
        assertEquals(corner.view(), applied.viewOf("corner"));
        assertNull(applied.spot("corner").heading());
        for (CameraMap.Spot spot : applied.spots()) {
            if (!fitted.containsKey(spot.cameraId())) {
                assertNull(applied.ownView(spot.cameraId()));
                assertEquals(DISTRICT, applied.viewOf(spot.cameraId()));
            }
        }
    }

    /** The street edges the camera sees fully (not just a corner of), each with where a passer-by comes into view each way. */
    private static Map<Integer, double[]> seenStreets(CameraMap map, String cameraId) {
        Map<Integer, double[]> out = new java.util.HashMap<>();
        for (CameraMap.Watching w : map.watching(cameraId)) {
            if (w.watch().sight() == 1) {
                out.put(w.edge(), new double[] {w.watch().seenForward(), w.watch().seenBackward()});
            }
        }
        return out;
    }

    @Test
    void hopsThatFollowTheDistrictsViewLeaveAlmostEveryCameraAsItWas() {
        CameraMap map = crossing();
        Map<String, OwnViewFit.OwnView> fitted = new OwnViewFit(MODEL, new Visibility(), 30)
                .fit(map, DISTRICT, hopsOn(map));
        assertTrue(fitted.size() <= 3, "cameras given a view of their own without cause: " + fitted);
    }

    @Test
    void camerasWithFewHopsKeepTheDistrictsView() {
        CameraMap map = crossing();
        CameraMap truth = map.withOwnViews(Map.of("corner", new CameraMap.Own(new CameraView(45, 20, 0), 0.0)));
        List<ViewFit.Pair> few = hopsOn(truth).stream().map(p -> new ViewFit.Pair(p.from(), p.to(), p.mode(), 1))
                .toList();
        int reachingCorner = few.stream().filter(p -> p.to().equals("corner")).mapToInt(ViewFit.Pair::hops).sum();
        Map<String, OwnViewFit.OwnView> fitted = new OwnViewFit(MODEL, new Visibility(), reachingCorner + 1)
                .fit(map, DISTRICT, few);
        assertNull(fitted.get("corner"), fitted.toString());
    }
}
