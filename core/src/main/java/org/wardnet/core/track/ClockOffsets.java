package org.wardnet.core.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * How far each camera's clock is off, learned from confirmed routes: a sighting's time read off
 * camera c is its true time plus offset(c). Between consecutive sightings of one route, the clock
 * difference is the street distance times the subject's own pace (seconds per metre, one per
 * route) plus offset(to) − offset(from), plus whatever the subject lost on the way (stops). Both
 * the offsets and the paces are fitted by alternating weighted least squares; a Huber weight
 * (beyond {@value #HUBER_SECONDS} s) keeps a long stop from moving a clock, and each offset is
 * drawn toward 0 as if by {@value #PRIOR_LEGS} legs, so a camera with few legs keeps a small one.
 *
 * <p>Limits: only differences between cameras joined by routes are known, so a common offset of
 * the whole district is invisible (and does not matter: windows only use differences); offsets are
 * given against the median camera's clock. Along a straight street, offsets growing steadily with
 * the distance look like subjects going one way faster than the other, and only the prior holds
 * such a tilt down (a few seconds per kilometre remain). A route of
 * one leg says nothing (its pace absorbs it); legs whose cameras are off the map (no distance) are
 * skipped. Immutable.
 */
public final class ClockOffsets {

    /** No offsets known: every clock taken as right. */
    public static final ClockOffsets NONE = new ClockOffsets(Map.of(), Map.of());

    static final double HUBER_SECONDS = 15;
    static final double PRIOR_LEGS = 0.5;
    private static final int ROUNDS = 30;
    private static final int SWEEPS = 5;

    private final Map<String, Double> seconds;
    private final Map<String, Integer> legs;

    private ClockOffsets(Map<String, Double> seconds, Map<String, Integer> legs) {
        this.seconds = seconds;
        this.legs = legs;
    }

    /** Restores offsets as stored: per camera, seconds and the legs they rest on. */
    public static ClockOffsets of(Map<String, Double> seconds, Map<String, Integer> legs) {
        return new ClockOffsets(Map.copyOf(seconds), Map.copyOf(legs));
    }

    /** How far {@code cameraId}'s clock runs ahead of the median camera's, in seconds; 0 when unknown. */
    public double seconds(String cameraId) {
        return seconds.getOrDefault(cameraId, 0.0);
    }

    /** How many legs of confirmed routes touch the camera (what its offset rests on). */
    public int legs(String cameraId) {
        return legs.getOrDefault(cameraId, 0);
    }

    /** Offsets per camera. */
    public Map<String, Double> all() {
        return seconds;
    }

    /** Legs per camera. */
    public Map<String, Integer> legCounts() {
        return legs;
    }

    public int size() {
        return seconds.size();
    }

    /** A confirmed route: its mode and its sightings in order, each a camera and its clock's time. */
    public record Route(TravelMode mode, List<String> cameraIds, List<Long> clockMillis) {
        public Route {
            if (cameraIds.size() != clockMillis.size()) {
                throw new IllegalArgumentException("a route needs one time per camera");
            }
        }
    }

    /**
     * Fits the offsets to confirmed routes.
     *
     * @param distance metres between two cameras by the streets, NaN when unknown
     */
    public static ClockOffsets fit(List<Route> routes, ToDoubleBiFunction<String, String> distance) {
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>();
        List<double[]> legs = new ArrayList<>(); // [from, to, route, metres, clock seconds]
        List<TravelMode> modes = new ArrayList<>();
        for (Route route : routes) {
            int r = modes.size();
            modes.add(route.mode());
            for (int i = 0; i + 1 < route.cameraIds().size(); i++) {
                String a = route.cameraIds().get(i);
                String b = route.cameraIds().get(i + 1);
                double metres = a.equals(b) ? 0 : distance.applyAsDouble(a, b);
                if (a.equals(b) || Double.isNaN(metres)) {
                    continue;
                }
                double clock = (route.clockMillis().get(i + 1) - route.clockMillis().get(i)) / 1000.0;
                legs.add(new double[] {id(a, index, ids), id(b, index, ids), r, metres, clock});
            }
        }
        double[] offset = new double[ids.size()];
        double[] pace = new double[modes.size()];
        for (int r = 0; r < pace.length; r++) {
            pace[r] = 1 / modes.get(r).typical();
        }
        List<List<Integer>> touching = new ArrayList<>();
        for (int c = 0; c < ids.size(); c++) {
            touching.add(new ArrayList<>());
        }
        for (int k = 0; k < legs.size(); k++) {
            touching.get((int) legs.get(k)[0]).add(k);
            touching.get((int) legs.get(k)[1]).add(k);
        }
        double[] weight = new double[legs.size()];
        Arrays.fill(weight, 1);
        for (int round = 0; round < ROUNDS; round++) {
            fitPaces(legs, offset, weight, pace, modes);
            fitOffsets(legs, touching, offset, weight, pace);
            reweigh(legs, offset, pace, weight);
        }
        Map<String, Double> seconds = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (double[] leg : legs) {
            counts.merge(ids.get((int) leg[0]), 1, Integer::sum);
            counts.merge(ids.get((int) leg[1]), 1, Integer::sum);
        }
        double[] sorted = offset.clone();
        Arrays.sort(sorted);
        double median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        for (int c = 0; c < offset.length; c++) {
            seconds.put(ids.get(c), offset[c] - median);
        }
        return new ClockOffsets(Map.copyOf(seconds), Map.copyOf(counts));
    }

    private static int id(String cameraId, Map<String, Integer> index, List<String> ids) {
        return index.computeIfAbsent(cameraId, k -> {
            ids.add(k);
            return ids.size() - 1;
        });
    }

    /** Each route's pace given the offsets, kept between the mode's impossible and half its slowest speed. */
    private static void fitPaces(List<double[]> legs, double[] offset, double[] weight, double[] pace,
            List<TravelMode> modes) {
        double[] num = new double[pace.length];
        double[] den = new double[pace.length];
        for (int k = 0; k < legs.size(); k++) {
            double[] leg = legs.get(k);
            int r = (int) leg[2];
            double travel = leg[4] - offset[(int) leg[1]] + offset[(int) leg[0]];
            num[r] += weight[k] * leg[3] * travel;
            den[r] += weight[k] * leg[3] * leg[3];
        }
        for (int r = 0; r < pace.length; r++) {
            if (den[r] > 0) {
                TravelMode mode = modes.get(r);
                pace[r] = Math.max(1 / mode.impossible(), Math.min(2 / mode.slowest(), num[r] / den[r]));
            }
        }
    }

    /**
     * Gauss-Seidel sweeps of the offsets given the paces, each drawn toward 0 by the prior; in place,
     * so that what one camera learns reaches its neighbours in the same sweep.
     */
    private static void fitOffsets(List<double[]> legs, List<List<Integer>> touching, double[] offset,
            double[] weight, double[] pace) {
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int c = 0; c < offset.length; c++) {
                double num = 0;
                double den = PRIOR_LEGS;
                for (int k : touching.get(c)) {
                    double[] leg = legs.get(k);
                    double excess = leg[4] - leg[3] * pace[(int) leg[2]]; // = offset[to] - offset[from] + noise
                    num += weight[k] * ((int) leg[1] == c ? excess + offset[(int) leg[0]] : offset[(int) leg[1]] - excess);
                    den += weight[k];
                }
                offset[c] = num / den;
            }
        }
    }

    private static void reweigh(List<double[]> legs, double[] offset, double[] pace, double[] weight) {
        for (int k = 0; k < legs.size(); k++) {
            double[] leg = legs.get(k);
            double residual = Math.abs(leg[4] - leg[3] * pace[(int) leg[2]] - offset[(int) leg[1]] + offset[(int) leg[0]]);
            weight[k] = residual <= HUBER_SECONDS ? 1 : HUBER_SECONDS / residual;
        }
    }
}
