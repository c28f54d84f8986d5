package org.wardnet.core.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wardnet.core.registry.GeoPoint;

/** Fitting the camera view: hops that follow one view's order give that view back. */
class ViewFitTest {

    private static final LocalPlane PLANE = new LocalPlane(29.87, 121.55);

    /** One 600 m street with 60 cameras along both sides, looking every which way, 2-22 m off it. */
    private static CameraMap street() {
        StreetNetwork network = StreetNetwork.of(List.of(new StreetSegment(PLANE.point(0, 0), PLANE.point(600, 0),
                null, false)));
        CameraMap map = new CameraMap(network, network.plane(), 25);
        Random random = new Random(3);
        for (int i = 0; i < 60; i++) {
            double side = i % 2 == 0 ? 1 : -1;
            GeoPoint at = PLANE.point(10 + i * 9.5, side * (2 + 20 * random.nextDouble()));
            map.put("c" + i, at, 360 * random.nextDouble());
        }
        return map;
    }

    /** Hops in proportion to the prior under {@code truth}: what confirmed routes would show if cameras saw that way. */
    private static List<ViewFit.Pair> hopsUnder(CameraMap map, CameraView truth, NextCameraModel model) {
        CameraMap seeing = map.withView(truth);
        List<ViewFit.Pair> pairs = new ArrayList<>();
        for (CameraMap.Spot origin : seeing.spots()) {
            for (NextCameraModel.Reach r : model.explore(seeing, origin, TravelMode.WALK, 300, null, Set.of())) {
                int hops = (int) Math.round(200 * r.probability());
                if (hops > 0) {
                    pairs.add(new ViewFit.Pair(origin.cameraId(), r.cameraId(), TravelMode.WALK, hops));
                }
            }
        }
        return pairs;
    }

    @Test
    void hopsThatFollowANarrowerViewFitIt() {
        assertFits(new CameraView(15, 55, 5));
    }

    /** The search is continuous: a view between round numbers is found as closely as the hops tell it. */
    @Test
    void aViewBetweenRoundNumbersIsFound() {
        assertFits(new CameraView(33.5, 38, 2));
    }

    private static void assertFits(CameraView truth) {
        NextCameraModel model = new NextCameraModel(0.75, 1.3);
        CameraMap map = street();
        ViewFit.Result fit = new ViewFit(model, new Visibility(), 500).fit(map, hopsUnder(map, truth, model));
        assertTrue(fit.logLikelihood() > fit.startLogLikelihood(), fit.toString());
        // the likelihood changes only where some camera's view takes in another stretch of street,
        // so the hops pin the view down to a metre or two and a few degrees
        assertEquals(truth.reachMeters(), fit.view().reachMeters(), 2.0, fit.toString());
        assertEquals(truth.halfAngleDegrees(), fit.view().halfAngleDegrees(), 6.0, fit.toString());
        // the close range decides only for the few cameras within 5 m of the street: not asserted
        assertTrue(fit.hops() > 500 && fit.tried() > 10, fit.toString());
    }

    @Test
    void tooFewHopsKeepTheViewItHad() {
        NextCameraModel model = new NextCameraModel(0.75, 1.3);
        CameraMap map = street();
        List<ViewFit.Pair> few = List.of(new ViewFit.Pair("c0", "c2", TravelMode.WALK, 3));
        ViewFit.Result fit = new ViewFit(model, new Visibility(), 500).fit(map, few);
        assertEquals(CameraView.DEFAULT, fit.view());
        assertEquals(3, fit.hops());
        assertEquals(1, fit.tried());
    }

    @Test
    void aViewOutsideItsBoundsIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new CameraView(0, 75, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new CameraView(20, 75, 30));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new CameraView(20, 0, 1));
    }
}
