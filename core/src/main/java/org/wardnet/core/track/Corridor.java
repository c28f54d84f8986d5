package org.wardnet.core.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.wardnet.core.registry.GeoPoint;

/**
 * The cameras along a route through waypoints, each with the distance travelled to reach it. On a
 * street network the route between consecutive waypoints is the shortest street path between the
 * street points nearest them, and the cameras are those watching its streets; without one (or for
 * a waypoint far from every street) it is the straight line, and the cameras are those within
 * {@code buffer} metres of it. A camera passed twice counts at its first passage.
 *
 * <p>Limits: one Dijkstra per pair of waypoints; one-way rules are not applied.
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
    public record Route(List<Passage> passages, double lengthMeters) {
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
        Route route = along(List.of(a.location(), b.location()), 0.1);
        double end = route.passages().stream().filter(p -> p.cameraId().equals(to))
                .mapToDouble(Passage::distanceMeters).findFirst().orElse(route.lengthMeters());
        return route.passages().stream()
                .filter(p -> !p.cameraId().equals(from) && !p.cameraId().equals(to) && p.distanceMeters() < end)
                .map(Passage::cameraId).toList();
    }

    public Route along(List<GeoPoint> waypoints, double buffer) {
        Map<String, Double> first = new LinkedHashMap<>();
        double travelled = 0;
        for (int i = 0; i + 1 < waypoints.size(); i++) {
            travelled = leg(waypoints.get(i), waypoints.get(i + 1), buffer, travelled, first);
        }
        List<Passage> passages = new ArrayList<>();
        first.forEach((id, d) -> passages.add(new Passage(id, d)));
        passages.sort((a, b) -> Double.compare(a.distanceMeters(), b.distanceMeters()));
        return new Route(passages, travelled);
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
            List<double[]> path = path(network, a, b);
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

    /** The edges from a to b as [edge, enter offset, leave offset]; null when not connected. */
    private static List<double[]> path(StreetNetwork network, StreetNetwork.Placement a, StreetNetwork.Placement b) {
        if (a.edge() == b.edge()) {
            return List.of(new double[] {a.edge(), a.offset(), b.offset()});
        }
        int n = network.nodeCount();
        double[] dist = new double[n];
        int[] viaEdge = new int[n];
        Arrays.fill(dist, Double.MAX_VALUE);
        Arrays.fill(viaEdge, -1);
        PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> Double.compare(x[1], y[1]));
        int aFrom = network.from(a.edge());
        int aTo = network.to(a.edge());
        dist[aFrom] = a.offset();
        dist[aTo] = network.length(a.edge()) - a.offset();
        queue.add(new double[] {aFrom, dist[aFrom]});
        queue.add(new double[] {aTo, dist[aTo]});
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int node = (int) top[0];
            if (top[1] > dist[node]) {
                continue;
            }
            for (int e : network.incident(node)) {
                int next = network.other(e, node);
                double d = dist[node] + network.length(e);
                if (d < dist[next]) {
                    dist[next] = d;
                    viaEdge[next] = e;
                    queue.add(new double[] {next, d});
                }
            }
        }
        int bFrom = network.from(b.edge());
        int bTo = network.to(b.edge());
        double viaFrom = dist[bFrom] == Double.MAX_VALUE ? Double.MAX_VALUE : dist[bFrom] + b.offset();
        double viaTo = dist[bTo] == Double.MAX_VALUE ? Double.MAX_VALUE : dist[bTo] + network.length(b.edge()) - b.offset();
        if (viaFrom == Double.MAX_VALUE && viaTo == Double.MAX_VALUE) {
            return null;
        }
        int end = viaFrom <= viaTo ? bFrom : bTo;
        List<double[]> steps = new ArrayList<>();
        steps.add(new double[] {b.edge(), end == bFrom ? 0 : network.length(b.edge()), b.offset()});
        int node = end;
        while (viaEdge[node] >= 0) {
            int e = viaEdge[node];
            int previous = network.other(e, node);
            steps.add(0, new double[] {e, network.from(e) == previous ? 0 : network.length(e),
                network.from(e) == previous ? network.length(e) : 0});
            node = previous;
        }
        steps.add(0, new double[] {a.edge(), a.offset(), node == aFrom ? 0 : network.length(a.edge())});
        return steps;
    }
}
