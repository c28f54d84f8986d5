package org.wardnet.bench.track.town;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A town that grew without a plan: crossings scattered at least 45 m apart over an irregular
 * area, each joined to its nearest neighbours by streets that never cross one another (shortest
 * first), meeting at angles of at least 25 degrees; longer streets bend once or twice. One piece
 * in twelve is a footpath, one in twenty one-way.
 */
final class OrganicTown {

    private static final double RADIUS = 1_300;
    private static final double SPACING = 45;
    private static final double LINK = 170;
    private static final double CELL = 200;

    private OrganicTown() {
    }

    static StreetSketch draw(Random random) {
        List<double[]> points = scatter(random);
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            List<Integer> near = new ArrayList<>();
            for (int j = 0; j < points.size(); j++) {
                if (j != i && length(points, i, j) <= LINK) {
                    near.add(j);
                }
            }
            final int from = i;
            near.sort(Comparator.comparingDouble(j -> length(points, from, j)));
            for (int k = 0; k < Math.min(5, near.size()); k++) {
                candidates.add(new int[] {i, near.get(k)});
            }
        }
        candidates.sort(Comparator.comparingDouble(c -> length(points, c[0], c[1])));
        List<int[]> chosen = new ArrayList<>();
        Map<Long, List<int[]>> grid = new HashMap<>();
        List<List<Integer>> touching = new ArrayList<>();
        points.forEach(p -> touching.add(new ArrayList<>()));
        for (int[] c : candidates) {
            if (touching.get(c[0]).contains(c[1]) || crosses(points, grid, c) || tooSharp(points, touching, c)) {
                continue;
            }
            chosen.add(c);
            touching.get(c[0]).add(c[1]);
            touching.get(c[1]).add(c[0]);
            for (long cell : cells(points, c)) {
                grid.computeIfAbsent(cell, k -> new ArrayList<>()).add(c);
            }
        }
        StreetSketch sketch = new StreetSketch();
        int[] nodes = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            nodes[i] = sketch.node(points.get(i)[0], points.get(i)[1]);
        }
        for (int[] c : chosen) {
            bend(sketch, random, nodes[c[0]], nodes[c[1]]);
        }
        return sketch;
    }

    /** Dart throwing over a disc whose edge wobbles, so the town's outline is not round. */
    private static List<double[]> scatter(Random random) {
        double[] wobble = {random.nextDouble() * 6.28, random.nextDouble() * 6.28, 0.15 + 0.15 * random.nextDouble()};
        List<double[]> out = new ArrayList<>();
        Map<Long, List<double[]>> grid = new HashMap<>();
        for (int tries = 0; tries < 60_000; tries++) {
            double x = (random.nextDouble() * 2 - 1) * RADIUS * 1.4;
            double y = (random.nextDouble() * 2 - 1) * RADIUS * 1.4;
            double angle = Math.atan2(y, x);
            double edge = RADIUS * (1 + wobble[2] * Math.sin(2 * angle + wobble[0]) + 0.1 * Math.sin(5 * angle + wobble[1]));
            if (Math.hypot(x, y) > edge || near(grid, x, y)) {
                continue;
            }
            double[] p = {x, y};
            out.add(p);
            grid.computeIfAbsent(key(x, y, SPACING), k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    private static boolean near(Map<Long, List<double[]>> grid, double x, double y) {
        long cx = (long) Math.floor(x / SPACING);
        long cy = (long) Math.floor(y / SPACING);
        for (long i = cx - 1; i <= cx + 1; i++) {
            for (long j = cy - 1; j <= cy + 1; j++) {
                for (double[] p : grid.getOrDefault((i << 32) ^ (j & 0xffffffffL), List.of())) {
                    if (Math.hypot(p[0] - x, p[1] - y) < SPACING) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static long key(double x, double y, double cell) {
        return ((long) Math.floor(x / cell) << 32) ^ ((long) Math.floor(y / cell) & 0xffffffffL);
    }

    private static List<Long> cells(List<double[]> points, int[] c) {
        double[] a = points.get(c[0]);
        double[] b = points.get(c[1]);
        List<Long> out = new ArrayList<>();
        for (long i = (long) Math.floor(Math.min(a[0], b[0]) / CELL); i <= (long) Math.floor(Math.max(a[0], b[0]) / CELL); i++) {
            for (long j = (long) Math.floor(Math.min(a[1], b[1]) / CELL); j <= (long) Math.floor(Math.max(a[1], b[1]) / CELL); j++) {
                out.add((i << 32) ^ (j & 0xffffffffL));
            }
        }
        return out;
    }

    private static boolean crosses(List<double[]> points, Map<Long, List<int[]>> grid, int[] c) {
        for (long cell : cells(points, c)) {
            for (int[] other : grid.getOrDefault(cell, List.of())) {
                if (other[0] != c[0] && other[0] != c[1] && other[1] != c[0] && other[1] != c[1]
                        && intersect(points.get(c[0]), points.get(c[1]), points.get(other[0]), points.get(other[1]))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean intersect(double[] p, double[] q, double[] r, double[] s) {
        return side(p, q, r) * side(p, q, s) < 0 && side(r, s, p) * side(r, s, q) < 0;
    }

    private static double side(double[] a, double[] b, double[] c) {
        return Math.signum((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
    }

    /** Whether the new street leaves either end within 25 degrees of a street already there. */
    private static boolean tooSharp(List<double[]> points, List<List<Integer>> touching, int[] c) {
        for (int end = 0; end < 2; end++) {
            int at = c[end];
            int to = c[1 - end];
            double bearing = Math.atan2(points.get(to)[1] - points.get(at)[1], points.get(to)[0] - points.get(at)[0]);
            for (int other : touching.get(at)) {
                double b = Math.atan2(points.get(other)[1] - points.get(at)[1], points.get(other)[0] - points.get(at)[0]);
                double off = Math.abs(Math.IEEEremainder(bearing - b, 2 * Math.PI));
                if (off < Math.toRadians(25)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double length(List<double[]> points, int i, int j) {
        return Math.hypot(points.get(i)[0] - points.get(j)[0], points.get(i)[1] - points.get(j)[1]);
    }

    /** Draws the street from a to b, bent at one or two points a little off the straight line when long. */
    private static void bend(StreetSketch sketch, Random random, int a, int b) {
        boolean footOnly = random.nextDouble() < 1 / 12.0;
        boolean oneWay = !footOnly && random.nextDouble() < 0.05;
        double length = Math.hypot(sketch.x(b) - sketch.x(a), sketch.y(b) - sketch.y(a));
        int pieces = length < 70 ? 1 : length < 130 ? 2 : 3;
        int previous = a;
        for (int k = 1; k < pieces; k++) {
            double t = (double) k / pieces;
            double off = (random.nextDouble() * 2 - 1) * 0.08 * length;
            double nx = -(sketch.y(b) - sketch.y(a)) / length;
            double ny = (sketch.x(b) - sketch.x(a)) / length;
            int mid = sketch.node(sketch.x(a) + (sketch.x(b) - sketch.x(a)) * t + nx * off,
                    sketch.y(a) + (sketch.y(b) - sketch.y(a)) * t + ny * off);
            sketch.street(previous, mid, oneWay, footOnly);
            previous = mid;
        }
        sketch.street(previous, b, oneWay, footOnly);
    }
}
