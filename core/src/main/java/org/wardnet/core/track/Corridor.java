package org.wardnet.core.track;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardnet.core.registry.GeoPoint;

/**
 * The cameras along a route through waypoints, each with the distance travelled to reach it. On a
 * street network the route between consecutive waypoints is the shortest street path between the
 * street points nearest them, and the cameras are those watching its streets; without one (or for
 * a waypoint far from every street) it is the straight line, and the cameras are those within
 * {@code buffer} metres of it. A camera passed twice counts at its first passage.
 *
 * <p>Limits: one shortest-path search per pair of waypoints; one-way rules are not applied.
 */
public final class Corridor {

    private static final double JOIN_REACH = 250;

    private final CameraMap map;

    public Corridor(CameraMap map) {
        this.map = map;
    }

    /** A camera on the route, {@code distanceMeters} from the start. */
    public record Passage(String cameraId, double distanceMeters) {
    }

    /** The cameras along the route and its length. */
    public record Traversal(List<Passage> passages, double lengthMeters) {
    }

    /**
     * The cameras a subject passed going from camera {@code from} to camera {@code to} by the
     * streets, in order, neither end included; empty when either is unknown.
     */
    public List<String> between(String from, String to) {
        CameraMap.Spot a = map.spot(from);
        CameraMap.Spot b = map.spot(to);
        if (a == null || b == null) {
            return List.of();
        }
        Traversal route = along(List.of(a.location(), b.location()), 0.1);
        double end = route.passages().stream().filter(p -> p.cameraId().equals(to))
                .mapToDouble(Passage::distanceMeters).findFirst().orElse(route.lengthMeters());
        return route.passages().stream()
                .filter(p -> !p.cameraId().equals(from) && !p.cameraId().equals(to) && p.distanceMeters() < end)
                .map(Passage::cameraId).toList();
    }

    public Traversal along(List<GeoPoint> waypoints, double buffer) {
        Map<String, Double> first = new LinkedHashMap<>();
        double travelled = 0;
        for (int i = 0; i + 1 < waypoints.size(); i++) {
            travelled = leg(waypoints.get(i), waypoints.get(i + 1), buffer, travelled, first);
        }
        List<Passage> passages = new ArrayList<>();
        first.forEach((id, d) -> passages.add(new Passage(id, d)));
        passages.sort((a, b) -> Double.compare(a.distanceMeters(), b.distanceMeters()));
        return new Traversal(passages, travelled);
    }

    private double leg(GeoPoint from, GeoPoint to, double buffer, double start, Map<String, Double> first) {
        LocalPlane plane = map.plane();
        double x0 = plane.x(from);
        double y0 = plane.y(from);
        double x1 = plane.x(to);
        double y1 = plane.y(to);
        StreetNetwork network = map.network();
        StreetNetwork.Placement a = network == null ? null : network.nearest(x0, y0, JOIN_REACH);
        StreetNetwork.Placement b = network == null ? null : network.nearest(x1, y1, JOIN_REACH);
        if (a != null && b != null) {
            List<double[]> path = StreetPath.between(network, a, b);
            if (path != null) {
                double d = start;
                for (double[] step : path) {
                    int edge = (int) step[0];
                    double enter = step[1];
                    double leave = step[2];
                    for (CameraMap.Watch watch : map.camerasOn(edge)) {
                        double at = watch.offset();
                        if (at >= Math.min(enter, leave) && at <= Math.max(enter, leave)) {
                            first.putIfAbsent(watch.spot().cameraId(), d + Math.abs(at - enter));
                        }
                    }
                    d += Math.abs(leave - enter);
                }
                return d;
            }
        }
        double length = Math.hypot(x1 - x0, y1 - y0);
        for (CameraMap.Spot spot : map.within((x0 + x1) / 2, (y0 + y1) / 2, length / 2 + buffer)) {
            double t = length == 0 ? 0 : Math.max(0, Math.min(1,
                    ((spot.x() - x0) * (x1 - x0) + (spot.y() - y0) * (y1 - y0)) / (length * length)));
            double px = x0 + (x1 - x0) * t;
            double py = y0 + (y1 - y0) * t;
            if (Math.hypot(spot.x() - px, spot.y() - py) <= buffer) {
                first.putIfAbsent(spot.cameraId(), start + t * length);
            }
        }
        return start + length;
    }
}
