package org.wardnet.core.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The shortest way along the streets between two points on the network (Dijkstra over the
 * crossings). One-way rules are not applied: it measures where a subject went, not where it may drive.
 */
final class StreetPath {

    private StreetPath() {
    }

    /**
     * The edges from a to b as [edge, enter offset, leave offset], in order; null when not connected.
     * Its length is the sum of |leave − enter|.
     */
    static List<double[]> between(StreetNetwork network, StreetNetwork.Placement a, StreetNetwork.Placement b) {
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

    /** The length of a path from {@link #between}. */
    static double length(List<double[]> steps) {
        double total = 0;
        for (double[] step : steps) {
            total += Math.abs(step[2] - step[1]);
        }
        return total;
    }
}
