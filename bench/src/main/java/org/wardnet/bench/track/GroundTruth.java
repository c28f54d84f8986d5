package org.wardnet.bench.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.core.track.LocalPlane;
import org.wardnet.core.track.StreetNetwork;
import org.wardnet.core.track.TravelMode;

/**
 * Ground-truth movements over a district, independent of the planner's own assumptions: each
 * subject goes from a random crossing to another 0.5-3 km away by a randomly perturbed shortest
 * path (so routes differ, and favour going straight only as far as shortest paths do), at a
 * speed drawn for its mode (walk 1.3 m/s ± 0.25, bike 3.5-6, car 8-12). A camera sees it when the
 * path passes within 20 m and, for a camera with a heading, inside a 140° field of view; with that
 * camera's own detection probability (0.6-0.9), unless the camera is down for this track (1-5 % of
 * cameras). Each camera's clock is off by a fixed -30..30 s, and sighting times carry it.
 */
final class GroundTruth {

    private static final double SEE_METERS = 20;
    private static final double HALF_FIELD = 70;

    /** @param bearing the subject's compass heading when seen, as the footage shows it */
    record Sighting(String cameraId, double trueSeconds, double clockSeconds, double bearing) {
    }

    /**
     * @param passes    every camera whose view the subject crossed, in order, seen or not (for diagnosis)
     * @param passEdges for each of them, the number of street edges walked before
     */
    record Track(TravelMode mode, double speed, List<Sighting> sightings, List<String> passes, List<Integer> passEdges) {
    }

    private final StreetNetwork network;
    private final LocalPlane plane;
    private final List<CameraDraft> cameras;
    private final double[] cx;
    private final double[] cy;
    private final double[] detection;
    private final double[] skew;
    private final Map<Long, List<Integer>> cells = new HashMap<>();

    GroundTruth(StreetNetwork network, List<CameraDraft> cameras, long seed) {
        this.network = network;
        this.plane = network.plane();
        this.cameras = cameras;
        Random random = new Random(seed);
        cx = new double[cameras.size()];
        cy = new double[cameras.size()];
        detection = new double[cameras.size()];
        skew = new double[cameras.size()];
        for (int i = 0; i < cameras.size(); i++) {
            CameraDraft c = cameras.get(i);
            GeoPoint p = new GeoPoint(c.location().lat(), c.location().lon());
            cx[i] = plane.x(p);
            cy[i] = plane.y(p);
            detection[i] = 0.6 + 0.3 * random.nextDouble();
            skew[i] = -30 + 60 * random.nextDouble();
            cells.computeIfAbsent(cell(cx[i], cy[i]), k -> new ArrayList<>()).add(i);
        }
    }

    private static long cell(double x, double y) {
        return ((long) Math.floor(x / 50) << 32) ^ ((long) Math.floor(y / 50) & 0xffffffffL);
    }

    Track track(Random random) {
        double pick = random.nextDouble();
        TravelMode mode = pick < 0.5 ? TravelMode.WALK : pick < 0.7 ? TravelMode.BIKE : TravelMode.CAR;
        double speed = switch (mode) {
            case WALK -> Math.max(0.7, Math.min(2.2, 1.3 + random.nextGaussian() * 0.25));
            case BIKE -> 3.5 + 2.5 * random.nextDouble();
            case CAR -> 8 + 4 * random.nextDouble();
        };
        int from;
        int to;
        do {
            from = random.nextInt(network.nodeCount());
            to = random.nextInt(network.nodeCount());
        } while (dist(from, to) < 500 || dist(from, to) > 3_000);
        List<Integer> path = path(from, to, random);
        double downRate = 0.01 + 0.04 * random.nextDouble();
        boolean[] down = new boolean[cameras.size()];
        for (int i = 0; i < down.length; i++) {
            down[i] = random.nextDouble() < downRate;
        }
        List<Sighting> seen = new ArrayList<>();
        List<String> crossed = new ArrayList<>();
        List<Integer> crossedOn = new ArrayList<>();
        Set<Integer> passed = new HashSet<>();
        double clock = 0;
        for (int i = 0; i + 1 < path.size(); i++) {
            double x0 = network.nodeX(path.get(i));
            double y0 = network.nodeY(path.get(i));
            double x1 = network.nodeX(path.get(i + 1));
            double y1 = network.nodeY(path.get(i + 1));
            double length = Math.hypot(x1 - x0, y1 - y0);
            List<double[]> passes = new ArrayList<>();
            for (int c : near(x0, y0, x1, y1)) {
                double first = firstSeen(c, x0, y0, x1, y1, length, i > 0);
                if (first >= 0 && passed.add(c)) {
                    passes.add(new double[] {c, first});
                }
            }
            passes.sort(Comparator.comparingDouble(p -> p[1]));
            for (double[] p : passes) {
                int c = (int) p[0];
                crossed.add(cameras.get(c).id());
                crossedOn.add(i);
                if (!down[c] && random.nextDouble() < detection[c]) {
                    double at = clock + p[1] * length / speed;
                    double bearing = (Math.toDegrees(Math.atan2(x1 - x0, y1 - y0)) + 360) % 360;
                    seen.add(new Sighting(cameras.get(c).id(), at, at + skew[c], bearing));
                }
            }
            clock += length / speed;
        }
        return new Track(mode, speed, seen, crossed, crossedOn);
    }

    /**
     * Where along the edge (0..1) camera c first sees the subject: the first point within 20 m of
     * it and inside its field of view, sampled every metre; -1 if none. The start of an edge
     * after the first was the end of the previous one, so it is not counted twice.
     */
    private double firstSeen(int c, double x0, double y0, double x1, double y1, double length, boolean skipStart) {
        int steps = (int) Math.ceil(length);
        for (int k = skipStart ? 1 : 0; k <= steps; k++) {
            double t = (double) k / steps;
            double px = x0 + (x1 - x0) * t;
            double py = y0 + (y1 - y0) * t;
            double d = Math.hypot(cx[c] - px, cy[c] - py);
            if (d <= SEE_METERS && inView(c, px, py, d)) {
                return t;
            }
        }
        return -1;
    }

    private boolean inView(int c, double px, double py, double d) {
        Double heading = cameras.get(c).heading();
        if (heading == null || d < 5) {
            return true;
        }
        double bearing = Math.toDegrees(Math.atan2(px - cx[c], py - cy[c]));
        double off = Math.abs(((bearing - heading) % 360 + 540) % 360 - 180);
        return off <= HALF_FIELD;
    }

    private List<Integer> near(double x0, double y0, double x1, double y1) {
        List<Integer> out = new ArrayList<>();
        long ax = (long) Math.floor((Math.min(x0, x1) - SEE_METERS) / 50);
        long bx = (long) Math.floor((Math.max(x0, x1) + SEE_METERS) / 50);
        long ay = (long) Math.floor((Math.min(y0, y1) - SEE_METERS) / 50);
        long by = (long) Math.floor((Math.max(y0, y1) + SEE_METERS) / 50);
        for (long i = ax; i <= bx; i++) {
            for (long j = ay; j <= by; j++) {
                List<Integer> list = cells.get((i << 32) ^ (j & 0xffffffffL));
                if (list != null) {
                    out.addAll(list);
                }
            }
        }
        return out;
    }

    private double dist(int a, int b) {
        return Math.hypot(network.nodeX(a) - network.nodeX(b), network.nodeY(a) - network.nodeY(b));
    }

    /** A shortest path with every edge's length scaled by a random 1.0-1.4, so routes vary. */
    private List<Integer> path(int from, int to, Random random) {
        int n = network.nodeCount();
        double[] best = new double[n];
        int[] previous = new int[n];
        Arrays.fill(best, Double.MAX_VALUE);
        best[from] = 0;
        Map<Integer, Double> jitter = new HashMap<>();
        PriorityQueue<double[]> queue = new PriorityQueue<>(Comparator.comparingDouble(a -> a[1]));
        queue.add(new double[] {from, 0});
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int node = (int) top[0];
            if (top[1] > best[node]) {
                continue;
            }
            if (node == to) {
                break;
            }
            for (int e : network.incident(node)) {
                int next = network.other(e, node);
                double w = network.length(e) * jitter.computeIfAbsent(e, k -> 1 + 0.4 * random.nextDouble());
                if (best[node] + w < best[next]) {
                    best[next] = best[node] + w;
                    previous[next] = node;
                    queue.add(new double[] {next, best[next]});
                }
            }
        }
        List<Integer> path = new ArrayList<>();
        for (int node = to; node != from; node = previous[node]) {
            path.add(0, node);
        }
        path.add(0, from);
        return path;
    }
}
