package org.wardnet.core.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wardnet.core.registry.GeoPoint;

/**
 * An immutable street graph in a {@link LocalPlane}: nodes where segments meet (ends closer than
 * half a metre are one node) and straight edges with a length, the modes allowed on them and a
 * one-way flag. A grid of 100 m cells finds the edge nearest to a point.
 *
 * <p>Limits: edges are straight (import curved streets as several segments); a point farther than
 * the search radius from every edge has no nearest edge.
 */
public final class StreetNetwork {

    private static final double CELL = 100;
    private static final double MERGE = 0.5;

    private final LocalPlane plane;
    private final double[] nodeX;
    private final double[] nodeY;
    private final int[] edgeFrom;
    private final int[] edgeTo;
    private final double[] edgeLength;
    private final int[] edgeModes;
    private final boolean[] edgeOneWay;
    /** Per node: the edges touching it. */
    private final int[][] incident;
    private final Map<Long, int[]> cells;
    /** The modes some edge allows, as a mask: asked on every follow, known at construction. */
    private final int carried;
    private final Check check;

    /**
     * What building the graph found in the segments it was given.
     *
     * @param zeroLength        segments dropped because their ends are one point
     * @param duplicates        segments merged into an earlier one joining the same two points
     * @param pieces            parts of the graph not joined to each other by any street
     * @param largestPieceEdges edges in the largest of them
     */
    public record Check(int zeroLength, int duplicates, int pieces, int largestPieceEdges) {
    }

    private StreetNetwork(LocalPlane plane, List<double[]> nodes, List<int[]> edges, List<Integer> modes,
            List<Boolean> oneWay, int zeroLength, int duplicates) {
        this.plane = plane;
        nodeX = new double[nodes.size()];
        nodeY = new double[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            nodeX[i] = nodes.get(i)[0];
            nodeY[i] = nodes.get(i)[1];
        }
        int n = edges.size();
        edgeFrom = new int[n];
        edgeTo = new int[n];
        edgeLength = new double[n];
        edgeModes = new int[n];
        edgeOneWay = new boolean[n];
        List<List<Integer>> touching = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            touching.add(new ArrayList<>(4));
        }
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int e = 0; e < n; e++) {
            edgeFrom[e] = edges.get(e)[0];
            edgeTo[e] = edges.get(e)[1];
            edgeLength[e] = Math.hypot(nodeX[edgeTo[e]] - nodeX[edgeFrom[e]], nodeY[edgeTo[e]] - nodeY[edgeFrom[e]]);
            edgeModes[e] = modes.get(e);
            edgeOneWay[e] = oneWay.get(e);
            touching.get(edgeFrom[e]).add(e);
            touching.get(edgeTo[e]).add(e);
            for (long cell : cellsAlong(e)) {
                grid.computeIfAbsent(cell, k -> new ArrayList<>()).add(e);
            }
        }
        int any = 0;
        for (int mask : edgeModes) {
            any |= mask;
        }
        carried = any;
        incident = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            incident[i] = touching.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        cells = new HashMap<>();
        grid.forEach((cell, list) -> cells.put(cell, list.stream().mapToInt(Integer::intValue).toArray()));
        check = pieces(zeroLength, duplicates);
    }

    /** Counts the connected parts (union-find over the edges, one-way rules aside). */
    private Check pieces(int zeroLength, int duplicates) {
        int[] parent = new int[nodeX.length];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int e = 0; e < edgeFrom.length; e++) {
            parent[root(parent, edgeFrom[e])] = root(parent, edgeTo[e]);
        }
        Map<Integer, Integer> edgesPerPiece = new HashMap<>();
        for (int e = 0; e < edgeFrom.length; e++) {
            edgesPerPiece.merge(root(parent, edgeFrom[e]), 1, Integer::sum);
        }
        int largest = edgesPerPiece.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new Check(zeroLength, duplicates, edgesPerPiece.size(), largest);
    }

    private static int root(int[] parent, int node) {
        while (parent[node] != node) {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        return node;
    }

    /** What building the graph found: dropped segments and unconnected pieces. */
    public Check check() {
        return check;
    }

    /**
     * Builds the graph; zero-length segments are dropped, and a segment joining the same two points
     * as one already given (either way round) is merged into it: its modes added, and two one-way
     * segments running opposite ways make a two-way street. Both are counted in {@link #check()}.
     * The plane's origin is the first point.
     */
    public static StreetNetwork of(List<StreetSegment> segments) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a street network needs at least one segment");
        }
        GeoPoint first = segments.get(0).from();
        LocalPlane plane = new LocalPlane(first.lat(), first.lon());
        List<double[]> nodes = new ArrayList<>();
        Map<Long, Integer> byKey = new HashMap<>();
        List<int[]> edges = new ArrayList<>();
        List<Integer> modes = new ArrayList<>();
        List<Boolean> oneWay = new ArrayList<>();
        Map<Long, Integer> joined = new HashMap<>();
        int zeroLength = 0;
        int duplicates = 0;
        for (StreetSegment segment : segments) {
            int a = node(plane.x(segment.from()), plane.y(segment.from()), nodes, byKey);
            int b = node(plane.x(segment.to()), plane.y(segment.to()), nodes, byKey);
            if (a == b) {
                zeroLength++;
                continue;
            }
            int mask = 0;
            for (TravelMode mode : segment.modes()) {
                mask |= 1 << mode.ordinal();
            }
            Integer earlier = joined.putIfAbsent(((long) Math.min(a, b) << 32) | Math.max(a, b), edges.size());
            if (earlier != null) {
                // a repeat joins what the first one does; one-way pieces running opposite ways are a two-way street
                duplicates++;
                modes.set(earlier, modes.get(earlier) | mask);
                boolean opposite = edges.get(earlier)[0] != a;
                oneWay.set(earlier, oneWay.get(earlier) && segment.oneWay() && !opposite);
                continue;
            }
            edges.add(new int[] {a, b});
            modes.add(mask);
            oneWay.add(segment.oneWay());
        }
        if (edges.isEmpty()) {
            throw new IllegalArgumentException("every segment of the street network has zero length");
        }
        return new StreetNetwork(plane, nodes, edges, modes, oneWay, zeroLength, duplicates);
    }

    private static int node(double x, double y, List<double[]> nodes, Map<Long, Integer> byKey) {
        long key = (Math.round(x / MERGE) << 32) ^ (Math.round(y / MERGE) & 0xffffffffL);
        return byKey.computeIfAbsent(key, k -> {
            nodes.add(new double[] {x, y});
            return nodes.size() - 1;
        });
    }

    private List<Long> cellsAlong(int e) {
        List<Long> out = new ArrayList<>();
        double x0 = nodeX[edgeFrom[e]];
        double y0 = nodeY[edgeFrom[e]];
        double x1 = nodeX[edgeTo[e]];
        double y1 = nodeY[edgeTo[e]];
        int steps = (int) Math.ceil(edgeLength[e] / (CELL / 2)) + 1;
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            long cell = cell(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
            // a line never comes back to a cell it left, so the last one is the only repeat; a search of
            // the whole list made a segment of 3,000 km (one mistyped coordinate) take 13 s to place
            if (out.isEmpty() || out.get(out.size() - 1) != cell) {
                out.add(cell);
            }
        }
        return out;
    }

    private static long cell(double x, double y) {
        return ((long) Math.floor(x / CELL) << 32) ^ ((long) Math.floor(y / CELL) & 0xffffffffL);
    }

    public LocalPlane plane() {
        return plane;
    }

    public int nodeCount() {
        return nodeX.length;
    }

    public int edgeCount() {
        return edgeFrom.length;
    }

    public double length(int edge) {
        return edgeLength[edge];
    }

    public int from(int edge) {
        return edgeFrom[edge];
    }

    public int to(int edge) {
        return edgeTo[edge];
    }

    public double nodeX(int node) {
        return nodeX[node];
    }

    public double nodeY(int node) {
        return nodeY[node];
    }

    public int[] incident(int node) {
        return incident[node];
    }

    /** The node at the other end of {@code edge} from {@code node}. */
    public int other(int edge, int node) {
        return edgeFrom[edge] == node ? edgeTo[edge] : edgeFrom[edge];
    }

    public boolean allows(int edge, TravelMode mode) {
        return (edgeModes[edge] & (1 << mode.ordinal())) != 0;
    }

    /** Whether {@code mode} may travel {@code edge} leaving {@code node}: one-way streets bind vehicles only. */
    public boolean mayLeave(int edge, int node, TravelMode mode) {
        return allows(edge, mode) && (mode == TravelMode.WALK || !edgeOneWay[edge] || edgeFrom[edge] == node);
    }

    /** Whether any edge allows {@code mode}. */
    public boolean carries(TravelMode mode) {
        return (carried & (1 << mode.ordinal())) != 0;
    }

    /** The point on the nearest edge within {@code radius} metres of (x, y), or null. */
    public Placement nearest(double x, double y, double radius) {
        Placement best = null;
        for (Placement p : within(x, y, radius)) {
            if (best == null || p.lateral() < best.lateral()) {
                best = p;
            }
        }
        return best;
    }

    /** The nearest point of every edge within {@code radius} metres of (x, y), nearest first. */
    public List<Placement> within(double x, double y, double radius) {
        List<Placement> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int reach = (int) Math.ceil(radius / CELL);
        long cx = (long) Math.floor(x / CELL);
        long cy = (long) Math.floor(y / CELL);
        for (long i = cx - reach; i <= cx + reach; i++) {
            for (long j = cy - reach; j <= cy + reach; j++) {
                int[] edges = cells.get((i << 32) ^ (j & 0xffffffffL));
                if (edges == null) {
                    continue;
                }
                for (int e : edges) {
                    Placement p = project(e, x, y);
                    if (p.lateral() <= radius && seen.add(e)) {
                        out.add(p);
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble(Placement::lateral));
        return out;
    }

    private Placement project(int e, double x, double y) {
        double x0 = nodeX[edgeFrom[e]];
        double y0 = nodeY[edgeFrom[e]];
        double dx = nodeX[edgeTo[e]] - x0;
        double dy = nodeY[edgeTo[e]] - y0;
        double t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
        double px = x0 + dx * t;
        double py = y0 + dy * t;
        return new Placement(e, t * edgeLength[e], Math.hypot(x - px, y - py));
    }

    /**
     * A point on the network.
     *
     * @param edge    the edge it lies on
     * @param offset  metres from the edge's {@code from} node
     * @param lateral metres from the original point to the edge
     */
    public record Placement(int edge, double offset, double lateral) {
    }
}
