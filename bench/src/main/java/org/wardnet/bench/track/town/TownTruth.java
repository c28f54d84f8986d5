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
    public record Sighting(String cameraId, double trueSeconds, double clockSeconds, double bearing, int step,
            double fraction) {
    }

    /**
     * @param path     the edges walked from crossing {@code start}, each as [edge, crossing reached]
     * @param passes   every camera whose view the subject crossed, in order, seen or not
     * @param passesAt for each of them, [step of the path, fraction along that edge]
     */
    public record Track(TravelMode mode, double pace, int start, List<int[]> path, List<Sighting> sightings,
            List<String> passes, List<double[]> passesAt) {
    }

    private final StreetNetwork network;
    private final List<TrueCamera> cameras;
    private final double[] cx;
    private final double[] cy;
    private final Map<Long, List<Integer>> cells = new HashMap<>();
    private final Map<String, Integer> index = new HashMap<>();

    public TownTruth(StreetNetwork network, List<TrueCamera> cameras) {
        this.network = network;
        this.cameras = cameras;
        cx = new double[cameras.size()];
        cy = new double[cameras.size()];
        for (int i = 0; i < cameras.size(); i++) {
            cx[i] = network.plane().x(cameras.get(i).location());
            cy[i] = network.plane().y(cameras.get(i).location());
            cells.computeIfAbsent(cell(cx[i], cy[i]), k -> new ArrayList<>()).add(i);
            index.put(cameras.get(i).id(), i);
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
        Walk walk = walk(mode, pace, from, path, 0, new HashSet<>(), random, null);
        return new Track(mode, pace, from, path, walk.seen, walk.crossed, walk.crossedAt);
    }

    /** What a walk along a path showed: sightings, and every camera crossed with where. */
    private record Walk(List<Sighting> seen, List<String> crossed, List<double[]> crossedAt) {
    }

    /**
     * Walks {@code path} from node {@code start}, the first edge from {@code startFraction} on;
     * cameras in {@code passed} see nothing (a camera sees a subject once). With {@code stopAfter}
     * set, stops at the first sighting by a camera other than that one.
     */
    private Walk walk(TravelMode mode, double pace, int start, List<int[]> path, double startFraction,
            Set<Integer> passed, Random random, String stopAfter) {
        List<Sighting> seen = new ArrayList<>();
        List<String> crossed = new ArrayList<>();
        List<double[]> crossedAt = new ArrayList<>();
        double clock = 0;
        int node = start;
        for (int step = 0; step < path.size(); step++) {
            int next = path.get(step)[1];
            double x0 = network.nodeX(node);
            double y0 = network.nodeY(node);
            double x1 = network.nodeX(next);
            double y1 = network.nodeY(next);
            double length = Math.hypot(x1 - x0, y1 - y0);
            double speed = mode == TravelMode.CAR ? pace * (0.5 + 0.7 * random.nextDouble()) : pace;
            List<double[]> passes = new ArrayList<>();
            for (int c : near(x0, y0, x1, y1)) {
                double first = firstSeen(c, x0, y0, x1, y1, length, step == 0 ? startFraction : 0, node != start);
                if (first >= 0 && passed.add(c)) {
                    passes.add(new double[] {c, first});
                }
            }
            passes.sort(Comparator.comparingDouble(p -> p[1]));
            double bearing = (Math.toDegrees(Math.atan2(x1 - x0, y1 - y0)) + 360) % 360;
            for (double[] p : passes) {
                TrueCamera camera = cameras.get((int) p[0]);
                crossed.add(camera.id());
                crossedAt.add(new double[] {step, p[1]});
                if (!camera.down() && random.nextDouble() < camera.detection()) {
                    double at = clock + p[1] * length / speed;
                    seen.add(new Sighting(camera.id(), at, at + camera.skewSeconds(), bearing, step, p[1]));
                    if (stopAfter != null && !camera.id().equals(stopAfter)) {
                        return new Walk(seen, crossed, crossedAt);
                    }
                }
            }
            clock += length / speed + pause(mode, random);
            node = next;
        }
        return new Walk(seen, crossed, crossedAt);
    }

    /**
     * The ground truth's own answer to a follow request, as a reference no planner can know: from
     * where {@code at} saw the subject, {@code runs} continuations — the rest of the street it was
     * on, then a new route (never straight back) to a crossing 0.3-2.5 km away, drawn as the
     * tracks' routes are — each giving the first camera other than {@code at}'s to see it.
     * Counts per camera, most first. Cameras the track had already crossed do not see it again.
     */
    public Map<String, Integer> continuations(Track track, Sighting at, int runs, Random random) {
        Map<String, Integer> next = new HashMap<>();
        Set<Integer> before = new HashSet<>();
        for (int k = 0; k < track.passes().size(); k++) {
            double[] where = track.passesAt().get(k);
            if (where[0] < at.step() || (where[0] == at.step() && where[1] <= at.fraction())) {
                before.add(index.get(track.passes().get(k)));
            }
        }
        int[] edge = track.path().get(at.step());
        int entered = at.step() == 0 ? track.start() : track.path().get(at.step() - 1)[1];
        for (int run = 0; run < runs; run++) {
            int goal;
            do {
                goal = random.nextInt(network.nodeCount());
            } while (dist(edge[1], goal) < 300 || dist(edge[1], goal) > 2_500);
            List<int[]> onward = path(edge[1], goal, track.mode(), random, edge[0]);
            if (onward == null) {
                continue;
            }
            List<int[]> route = new ArrayList<>();
            route.add(edge);
            route.addAll(onward);
            Walk walk = walk(track.mode(), track.pace(), entered, route, at.fraction(), new HashSet<>(before), random,
                    at.cameraId());
            for (Sighting s : walk.seen) {
                if (!s.cameraId().equals(at.cameraId())) {
                    next.merge(s.cameraId(), 1, Integer::sum);
                    break;
                }
            }
        }
        return next;
    }

    private static double pause(TravelMode mode, Random random) {
        return switch (mode) {
            case WALK -> random.nextDouble() < 1 / 12.0 ? 5 + 85 * random.nextDouble() : 0;
            case BIKE -> random.nextDouble() < 0.1 ? 15 * random.nextDouble() : 0;
            case CAR -> random.nextDouble() < 0.3 ? 40 * random.nextDouble() : 0;
        };
    }

    /** Where along the edge (0..1) camera c first sees the subject after {@code fromFraction}, sampled every metre; -1 if never. */
    private double firstSeen(int c, double x0, double y0, double x1, double y1, double length, double fromFraction,
            boolean skipStart) {
        TrueCamera camera = cameras.get(c);
        int steps = Math.max(1, (int) Math.ceil(length));
        // past the point already walked: the start of an edge after the first ends the one before
        int first = fromFraction > 0 ? (int) Math.floor(fromFraction * steps) + 1 : skipStart ? 1 : 0;
        for (int k = first; k <= steps; k++) {
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
        return path(from, to, mode, random, -1);
    }

    /** As above, never leaving {@code from} by edge {@code notBy} (a subject does not turn back). */
    private List<int[]> path(int from, int to, TravelMode mode, Random random, int notBy) {
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
                if (!network.mayLeave(e, node, mode) || (node == from && e == notBy)) {
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
