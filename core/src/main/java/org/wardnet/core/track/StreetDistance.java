package org.wardnet.core.track;

import java.util.List;

/**
 * Travel distance between two cameras: along the streets (shortest path between the street points
 * nearest each) when both are on the network and connected, otherwise the straight line times the
 * detour factor. Used for the legs of a case, so they are judged the way the planner proposes.
 *
 * <p>Limits: one Dijkstra per call over the whole network (fine for a district's thousands of
 * crossings); ignores one-way rules (a leg's speed check needs distance, not legality).
 */
public final class StreetDistance {

    private final CameraMap map;
    private final double detour;

    public StreetDistance(CameraMap map, double detour) {
        this.map = map;
        this.detour = detour;
    }

    public double between(String fromId, String toId) {
        CameraMap.Spot a = map.spot(fromId);
        CameraMap.Spot b = map.spot(toId);
        if (a == null || b == null) {
            return Double.NaN;
        }
        double straight = Math.hypot(a.x() - b.x(), a.y() - b.y());
        StreetNetwork network = map.network();
        if (network == null || a.placement() == null || b.placement() == null) {
            return straight * detour;
        }
        List<double[]> path = StreetPath.between(network, a.placement(), b.placement());
        return path == null ? straight * detour : StreetPath.length(path);
    }
}
