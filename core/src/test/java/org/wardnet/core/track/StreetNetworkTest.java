package org.wardnet.core.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardnet.core.registry.GeoPoint;

/** The street network's grid placing edges, for streets of every length. */
class StreetNetworkTest {

    /**
     * Found by fuzzing the street import: one segment of thousands of kilometres (a latitude typed
     * as .87 instead of 29.87) took the grid a time growing with the square of its length.
     */
    @Test
    void aSegmentAcrossTheGlobeIsPlacedAlongItsWholeLength() {
        GeoPoint south = new GeoPoint(-60, -170);
        GeoPoint north = new GeoPoint(60, 170);
        StreetNetwork network = StreetNetwork.of(List.of(new StreetSegment(south, north, Set.of(TravelMode.WALK), false),
                new StreetSegment(new GeoPoint(29.87, 121.55), new GeoPoint(29.871, 121.551), Set.of(TravelMode.WALK),
                        false)));
        LocalPlane plane = network.plane();
        for (double t : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            GeoPoint on = new GeoPoint(-60 + 120 * t, -170 + 340 * t);
            StreetNetwork.Placement placed = network.nearest(plane.x(on), plane.y(on), 50);
            assertNotNull(placed, "found at " + t);
            assertEquals(0, placed.edge());
        }
        GeoPoint street = new GeoPoint(29.8705, 121.5505);
        assertEquals(1, network.nearest(plane.x(street), plane.y(street), 50).edge());
    }
}
