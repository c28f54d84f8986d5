package org.wardnet.core.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wardnet.core.registry.GeoPoint;

/** The first-passage prior on a plus-shaped crossing and on open ground. */
class NextCameraModelTest {

    private static final LocalPlane PLANE = new LocalPlane(29.87, 121.55);

    private static GeoPoint at(double x, double y) {
        return PLANE.point(x, y);
    }

    /** Streets from (0,0) to (400,0) and from (200,-200) to (200,200): a crossing at (200,0). */
    private static CameraMap plus() {
        List<StreetSegment> streets = new ArrayList<>();
        streets.add(new StreetSegment(at(0, 0), at(200, 0), null, false));
        streets.add(new StreetSegment(at(200, 0), at(400, 0), null, false));
        streets.add(new StreetSegment(at(200, -200), at(200, 0), null, false));
        streets.add(new StreetSegment(at(200, 0), at(200, 200), null, false));
        StreetNetwork network = StreetNetwork.of(streets);
        CameraMap map = new CameraMap(network, network.plane(), 25);
        map.put("origin", at(100, 5), null);
        map.put("west", at(50, -5), null);
        map.put("east", at(150, 5), null);
        map.put("beyondEast", at(300, 0), null);
        map.put("north", at(205, 100), null);
        map.put("south", at(195, -100), null);
        map.put("estate", at(100, 100), null);
        return map;
    }

    private static Map<String, NextCameraModel.Reach> explore(CameraMap map, Double heading, Set<String> excluded,
            double maxDistance) {
        return new NextCameraModel(0.75, 1.3).explore(map, map.spot("origin"), TravelMode.WALK, maxDistance, heading,
                excluded).stream().collect(Collectors.toMap(NextCameraModel.Reach::cameraId, r -> r));
    }

    @Test
    void massFlowsPastEachCameraByItsDetectionProbability() {
        Map<String, NextCameraModel.Reach> reach = explore(plus(), null, Set.of(), 1_000);
        assertEquals(0.375, reach.get("east").probability(), 1e-9);
        assertEquals(0.375, reach.get("west").probability(), 1e-9);
        assertEquals(50, reach.get("east").distanceMeters(), 0.5);
        // a quarter of the eastbound half passes the east camera; at the crossing straight on counts twice
        double atCrossing = 0.5 * 0.25;
        assertEquals(atCrossing * 0.5 * 0.75, reach.get("beyondEast").probability(), 1e-9);
        assertEquals(atCrossing * 0.25 * 0.75, reach.get("north").probability(), 1e-9);
        // distances run between the points where each camera first sees the street (sampled by the metre)
        assertEquals(200, reach.get("beyondEast").distanceMeters(), 1.5);
        assertNull(reach.get("estate"), "100 m from any street");
        assertNull(reach.get("origin"));
    }

    @Test
    void aCameraLookingUpTheStreetSeesThePasserByBeforeOneBesideItLookingDown() {
        CameraMap map = plus();
        map.remove("east");
        map.put("looksUp", at(150, 5), 270.0);   // looks west, toward people coming from the origin
        map.put("looksDown", at(140, 5), 90.0);  // stands nearer the origin but looks away from it
        Map<String, NextCameraModel.Reach> east = explore(map, 90.0, Set.of(), 1_000);
        assertTrue(east.get("looksUp").probability() > 3 * east.get("looksDown").probability(), east.toString());
        assertTrue(east.get("looksUp").distanceMeters() < east.get("looksDown").distanceMeters(),
                "seen at about x = 125, not at its foot: " + east.get("looksUp"));
        Map<String, NextCameraModel.Reach> west = explore(map, 270.0, Set.of(), 1_000);
        assertTrue(west.get("looksUp").probability() < east.get("looksUp").probability() / 5,
                "walking away from both, only the heading's doubt leaves mass for them: " + west);
    }

    @Test
    void aCameraAtACrossingSendsTheSubjectDownTheStreetItsHeadingPoints() {
        CameraMap map = plus();
        map.put("corner", at(206, 6), null); // watches all four streets of the crossing
        Map<String, NextCameraModel.Reach> north = new NextCameraModel(0.75, 1.3).explore(map, map.spot("corner"),
                TravelMode.WALK, 1_000, 5.0, Set.of()).stream()
                .collect(Collectors.toMap(NextCameraModel.Reach::cameraId, r -> r));
        // seen going north, it was either leaving by the north street or still coming up the south one
        // to the crossing, where it may yet turn
        assertTrue(north.get("north").probability() > 0.45, north.toString());
        assertTrue(north.get("north").probability() > 4 * north.get("east").probability(), north.toString());
        assertTrue(north.get("north").probability() > 4 * north.get("beyondEast").probability(), north.toString());
        assertTrue(north.get("north").probability() > 40 * north.get("south").probability(), "behind it: " + north);
        Map<String, NextCameraModel.Reach> any = new NextCameraModel(0.75, 1.3).explore(map, map.spot("corner"),
                TravelMode.WALK, 1_000, null, Set.of()).stream()
                .collect(Collectors.toMap(NextCameraModel.Reach::cameraId, r -> r));
        for (String street : List.of("north", "south", "east")) {
            assertTrue(any.get(street).probability() > 0.1, "without a heading every street out is open: " + any);
        }
    }

    @Test
    void headingExclusionsAndReachShapeTheAnswer() {
        CameraMap map = plus();
        Map<String, NextCameraModel.Reach> east = explore(map, 90.0, Set.of(), 1_000);
        assertTrue(east.get("east").probability() > 5 * east.get("west").probability());
        Map<String, NextCameraModel.Reach> past = explore(map, null, Set.of("east"), 1_000);
        assertFalse(past.containsKey("east"));
        assertEquals(0.5 * 0.5 * 0.75, past.get("beyondEast").probability(), 1e-9, "all the eastbound mass reaches it");
        Map<String, NextCameraModel.Reach> near = explore(map, null, Set.of(), 120);
        assertFalse(near.containsKey("beyondEast"), "200 m away, over the reach");
        assertTrue(near.containsKey("east"));
    }

    @Test
    void withoutStreetsTheNearestCameraInEachSectorCatchesMost() {
        CameraMap map = new CameraMap(null, PLANE, 25);
        map.put("origin", at(0, 0), null);
        map.put("near", at(30, 0), null);
        map.put("behindNear", at(60, 2), null);
        map.put("far", at(-80, 0), null);
        Map<String, NextCameraModel.Reach> reach = explore(map, null, Set.of(), 1_000);
        assertTrue(reach.get("near").probability() > reach.get("behindNear").probability());
        assertEquals(30 * 1.3, reach.get("near").distanceMeters(), 0.5, "straight line times the detour");
        assertEquals(reach.get("near").probability(), reach.get("far").probability(), 1e-9, "first in their sectors");
    }

    @Test
    void aCameraMovedOrRemovedLeavesItsOldStreet() {
        CameraMap map = plus();
        map.put("east", at(200, 150), null);
        Map<String, NextCameraModel.Reach> reach = explore(map, null, Set.of(), 1_000);
        assertTrue(reach.get("beyondEast").probability() > 0.15, "nothing stands between origin and beyondEast now");
        map.remove("beyondEast");
        assertFalse(explore(map, null, Set.of(), 1_000).containsKey("beyondEast"));
    }

    @Test
    void aCorridorFollowsTheStreetsAndListsCamerasInTheOrderPassed() {
        CameraMap map = plus();
        Corridor.Traversal route = new Corridor(map).along(List.of(at(0, 0), at(200, 200)), 30);
        assertEquals(400, route.lengthMeters(), 0.5, "east to the crossing, then north");
        assertEquals(List.of("west", "origin", "east", "north"),
                route.passages().stream().map(Corridor.Passage::cameraId).toList());
        assertEquals(300, route.passages().get(3).distanceMeters(), 0.5);
        CameraMap ground = new CameraMap(null, PLANE, 25);
        ground.put("onLine", at(50, 10), null);
        ground.put("farOff", at(50, 80), null);
        Corridor.Traversal open = new Corridor(ground).along(List.of(at(0, 0), at(100, 0)), 30);
        assertEquals(List.of("onLine"), open.passages().stream().map(Corridor.Passage::cameraId).toList());
    }

    @Test
    void confirmedHopsTeachEachCameraHowOftenItSeesPassersBy() {
        CameraMap map = plus();
        assertEquals(List.of("origin"), new Corridor(map).between("west", "east"), "the street passes origin");
        Visibility visibility = new Visibility();
        for (int i = 0; i < 8; i++) {
            visibility.record(new Corridor(map).between("west", "east"), "east");
        }
        assertEquals((0 + 2 * 0.75) / (8 + 2), visibility.rate("origin", 0.75), 1e-9, "missed eight times");
        assertEquals((8 + 2 * 0.75) / (8 + 2), visibility.rate("east", 0.75), 1e-9);
        assertEquals(0.75, visibility.rate("north", 0.75), "nothing learned");
        Map<String, NextCameraModel.Reach> reach = new NextCameraModel(0.75, 1.3).explore(map, map.spot("west"),
                TravelMode.WALK, 1_000, 90.0, Set.of(), visibility).stream()
                .collect(Collectors.toMap(NextCameraModel.Reach::cameraId, r -> r));
        assertTrue(reach.get("east").probability() > reach.get("origin").probability(),
                "a camera that misses most passers-by no longer hides the one behind it");
    }
}
