package org.wardnet.bench.track.town;

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
import org.wardnet.core.track.StreetNetwork;
import org.wardnet.core.track.TravelMode;

/**
 * Ground-truth movements through a generated town, made without the planner's assumptions: a
 * subject goes from a random crossing to another 0.5-3 km away by a shortest path whose street
 * lengths are each scaled by a random 1.0-1.5 (so routes vary), obeying one-way streets and
 * footpaths for its mode. Walkers (55 %) keep a speed drawn log-normally around 1.15 m/s and stop
 * for 5-90 s at one crossing in twelve; cyclists (20 %) ride at 2.2 m/s plus an exponential part
 * averaging 2.5 m/s; drivers (25 %) have a pace of 5-14 m/s that traffic scales by 0.5-1.2 per
 * street, and wait up to 40 s at three crossings in ten. A camera sees the subject at the first
 * point of its path inside the camera's own view ({@link TrueCamera}), with its own detection
 * chance, never when down; a sighting's time is read off that camera's skewed clock.
 */
public final class TownTruth {

    /** @param bearing the subject's compass heading when seen, as the footage shows it */
    public record Sighting(String cameraId, double trueSeconds, double clockSeconds, double bearing) {
    }

    /** @param passes every camera whose view the subject crossed, in order, seen or not */
    public record Track(TravelMode mode, List<Sighting> sightings, List<String> passes) {
    }

    private final StreetNetwork network;
    private final List<TrueCamera> cameras;
    private final double[] cx;
    private final double[] cy;
    private final Map<Long, List<Integer>> cells = new HashMap<>();

    public TownTruth(StreetNetwork network, List<TrueCamera> cameras) {
        this.network = network;
        this.cameras = cameras;
        cx = new double[cameras.size()];
        cy = new double[cameras.size()];
        for (int i = 0; i < cameras.size(); i++) {
            cx[i] = network.plane().x(cameras.get(i).location());
            cy[i] = network.plane().y(cameras.get(i).location());
            cells.computeIfAbsent(cell(cx[i], cy[i]), k -> new ArrayList<>()).add(i);
        }
    }

    private static long cell(double x, double y) {
        return ((long) Math.floor(x / 50) << 32) ^ ((long) Math.floor(y / 50) & 0xffffffffL);
    }

    /** Tracks with at least two sightings at different cameras. */
    public List<Track> tracks(Random random, int count) {
        List<Track> out = new ArrayList<>(count);
        while (out.size() < count) {
            Track t = track(random);
            if (t != null && t.sightings().stream().map(Sighting::cameraId).distinct().count() >= 2) {
                out.add(t);
            }
        }
        return out;
    }

    private Track track(Random random) {
        double pick = random.nextDouble();
        TravelMode mode = pick < 0.55 ? TravelMode.WALK : pick < 0.75 ? TravelMode.BIKE : TravelMode.CAR;
        double pace = switch (mode) {
            case WALK -> Math.max(0.5, Math.min(2.6, 1.15 * Math.exp(0.22 * random.nextGaussian())));
            case BIKE -> Math.min(9, 2.2 + -Math.log(1 - random.nextDouble()) * 2.5);
            case CAR -> 5 + 9 * random.nextDouble();
        };
        int from;
        int to;
        do {
            from = random.nextInt(network.nodeCount());
            to = random.nextInt(network.nodeCount());
        } while (dist(from, to) < 500 || dist(from, to) > 3_000);
        List<int[]> path = path(from, to, mode, random);
        if (path == null) {
            return null;
        }
        List<Sighting> seen = new ArrayList<>();
        List<String> crossed = new ArrayList<>();
        Set<Integer> passed = new HashSet<>();
        double clock = 0;
        int node = from;
        for (int[] step : path) {
            int next = step[1];
            double x0 = network.nodeX(node);
            double y0 = network.nodeY(node);
            double x1 = network.nodeX(next);
            double y1 = network.nodeY(next);
            double length = Math.hypot(x1 - x0, y1 - y0);
            double speed = mode == TravelMode.CAR ? pace * (0.5 + 0.7 * random.nextDouble()) : pace;
            List<double[]> passes = new ArrayList<>();
            for (int c : near(x0, y0, x1, y1)) {
                double first = firstSeen(c, x0, y0, x1, y1, length, node != from);
                if (first >= 0 && passed.add(c)) {
                    passes.add(new double[] {c, first});
                }
            }
            passes.sort(Comparator.comparingDouble(p -> p[1]));
            double bearing = (Math.toDegrees(Math.atan2(x1 - x0, y1 - y0)) + 360) % 360;
            for (double[] p : passes) {
                TrueCamera camera = cameras.get((int) p[0]);
                crossed.add(camera.id());
                if (!camera.down() && random.nextDouble() < camera.detection()) {
                    double at = clock + p[1] * length / speed;
                    seen.add(new Sighting(camera.id(), at, at + camera.skewSeconds(), bearing));
                }
            }
            clock += length / speed + pause(mode, random);
            node = next;
        }
        return new Track(mode, seen, crossed);
    }

    private static double pause(TravelMode mode, Random random) {
        return switch (mode) {
            case WALK -> random.nextDouble() < 1 / 12.0 ? 5 + 85 * random.nextDouble() : 0;
            case BIKE -> random.nextDouble() < 0.1 ? 15 * random.nextDouble() : 0;
            case CAR -> random.nextDouble() < 0.3 ? 40 * random.nextDouble() : 0;
        };
    }

    /** Where along the edge (0..1) camera c first sees the subject, sampled every metre; -1 if never. */
    private double firstSeen(int c, double x0, double y0, double x1, double y1, double length, boolean skipStart) {
        TrueCamera camera = cameras.get(c);
        int steps = Math.max(1, (int) Math.ceil(length));
        for (int k = skipStart ? 1 : 0; k <= steps; k++) {
            double t = (double) k / steps;
            double px = x0 + (x1 - x0) * t;
            double py = y0 + (y1 - y0) * t;
            double d = Math.hypot(cx[c] - px, cy[c] - py);
            if (d <= camera.reachMeters() && inView(camera, c, px, py, d)) {
                return t;
            }
        }
        return -1;
    }

    private boolean inView(TrueCamera camera, int c, double px, double py, double d) {
        if (camera.heading() == null || d <= camera.closeMeters()) {
            return true;
        }
        double bearing = Math.toDegrees(Math.atan2(px - cx[c], py - cy[c]));
        double off = Math.abs(((bearing - camera.heading()) % 360 + 540) % 360 - 180);
        return off <= camera.halfAngleDegrees();
    }

    private List<Integer> near(double x0, double y0, double x1, double y1) {
        List<Integer> out = new ArrayList<>();
        double reach = 45;
        long ax = (long) Math.floor((Math.min(x0, x1) - reach) / 50);
        long bx = (long) Math.floor((Math.max(x0, x1) + reach) / 50);
        long ay = (long) Math.floor((Math.min(y0, y1) - reach) / 50);
        long by = (long) Math.floor((Math.max(y0, y1) + reach) / 50);
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

    /** The edges walked as [edge, node reached], or null when the mode cannot get there. */
    private List<int[]> path(int from, int to, TravelMode mode, Random random) {
        int n = network.nodeCount();
        double[] best = new double[n];
        int[] viaEdge = new int[n];
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
                if (!network.mayLeave(e, node, mode)) {
                    continue;
                }
                int next = network.other(e, node);
                double w = network.length(e) * jitter.computeIfAbsent(e, k -> 1 + 0.5 * random.nextDouble());
                if (best[node] + w < best[next]) {
                    best[next] = best[node] + w;
                    viaEdge[next] = e;
                    queue.add(new double[] {next, best[next]});
                }
            }
        }
        if (best[to] == Double.MAX_VALUE) {
            return null;
        }
        List<int[]> path = new ArrayList<>();
        for (int node = to; node != from; node = network.other(viaEdge[node], node)) {
            path.add(0, new int[] {viaEdge[node], node});
        }
        return path;
    }
}
