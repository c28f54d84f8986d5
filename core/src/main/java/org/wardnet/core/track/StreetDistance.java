package org.wardnet.core.track;

import java.util.Arrays;
import java.util.PriorityQueue;

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
        StreetNetwork.Placement pa = a.placement();
        StreetNetwork.Placement pb = b.placement();
        double best = pa.edge() == pb.edge() ? Math.abs(pa.offset() - pb.offset()) : Double.MAX_VALUE;
        double[] dist = new double[network.nodeCount()];
        Arrays.fill(dist, Double.MAX_VALUE);
        PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> Double.compare(x[1], y[1]));
        seed(dist, queue, network.from(pa.edge()), pa.offset());
        seed(dist, queue, network.to(pa.edge()), network.length(pa.edge()) - pa.offset());
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int node = (int) top[0];
            if (top[1] > dist[node] || top[1] >= best) {
                continue;
            }
            for (int e : network.incident(node)) {
                int next = network.other(e, node);
                double d = dist[node] + network.length(e);
                if (d < dist[next]) {
                    dist[next] = d;
                    queue.add(new double[] {next, d});
                }
            }
        }
        int bFrom = network.from(pb.edge());
        int bTo = network.to(pb.edge());
        if (dist[bFrom] < Double.MAX_VALUE) {
            best = Math.min(best, dist[bFrom] + pb.offset());
        }
        if (dist[bTo] < Double.MAX_VALUE) {
            best = Math.min(best, dist[bTo] + network.length(pb.edge()) - pb.offset());
        }
        return best == Double.MAX_VALUE ? straight * detour : best;
    }

    private static void seed(double[] dist, PriorityQueue<double[]> queue, int node, double d) {
        if (d < dist[node]) {
            dist[node] = d;
            queue.add(new double[] {node, d});
        }
    }
}
