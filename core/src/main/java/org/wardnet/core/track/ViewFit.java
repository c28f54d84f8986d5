package org.wardnet.core.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Fits the district's {@link CameraView} to confirmed routes: the view under which the prior
 * (without anything learned per pair) gives the confirmed next cameras the highest likelihood.
 * Where cameras' views begin decides the order in which a subject meets them inside a dense
 * cluster, and no registry field says how far or how wide a camera sees; confirmed hops do.
 *
 * <p>Searched continuously within what street cameras allow (reach 8-60 m, half angle 15-180
 * degrees, close range 0-10 m) from the current view: a coarse scan of reach and half angle
 * together, then one quantity at a time, twice over, a coarse scan narrowed by golden-section steps
 * (values to 0.1). Each candidate rebuilds the camera map
 * and explores from up to {@value #MAX_ORIGINS} origins, so a fit takes seconds to a minute for a
 * district: run it off the request path. Limits: one view for every camera; cameras that enough
 * hops reached are then fitted one by one ({@link OwnViewFit}); the likelihood of a hop is
 * floored at 10⁻⁴ so that one hop the streets cannot explain does not decide the fit.
 */
public final class ViewFit {

    private static final int MAX_ORIGINS = 3_000;
    private static final double FLOOR = 1e-4;
    /** Ranges searched: reach, half angle, close range. What street cameras' lenses and poles allow. */
    private static final double[] LOW = {8, 15, 0};
    private static final double[] HIGH = {60, 180, 10};
    private static final int ROUNDS = 2;
    private static final int SCAN = 5;
    private static final int NARROW = 6;

    private final NextCameraModel model;
    private final Visibility visibility;
    private final int minHops;

    /** @param minHops below this many confirmed hops the fit keeps the view it was given */
    public ViewFit(NextCameraModel model, Visibility visibility, int minHops) {
        this.model = model;
        this.visibility = visibility;
        this.minHops = minHops;
    }

    /** One confirmed pair: {@code hops} hops by {@code mode} from one camera to the next. */
    public record Pair(String from, String to, TravelMode mode, int hops) {
    }

    /**
     * The fitted view.
     *
     * @param view          the best view found
     * @param logLikelihood mean log-likelihood per hop under it (higher is better)
     * @param startLogLikelihood the same under the view the fit started from
     * @param hops          confirmed hops the fit weighed
     * @param tried         views evaluated
     */
    public record Result(CameraView view, double logLikelihood, double startLogLikelihood, int hops, int tried) {
    }

    /** Fits from {@code map}'s current view; returns it unchanged when fewer than the minimum hops are known. */
    public Result fit(CameraMap map, List<Pair> pairs) {
        Map<Origin, List<Pair>> byOrigin = sample(map, pairs);
        int hops = byOrigin.values().stream().flatMap(List::stream).mapToInt(Pair::hops).sum();
        CameraView start = map.view();
        double startScore = score(map, byOrigin, hops);
        if (hops < minHops || map.network() == null) {
            return new Result(start, startScore, startScore, hops, 1);
        }
        Search search = new Search(map, byOrigin, hops, start, startScore);
        search.reachAndAngle();
        for (int round = 0; round < ROUNDS; round++) {
            for (int quantity = 0; quantity < 3; quantity++) {
                search.along(quantity);
            }
        }
        return new Result(search.best, search.bestScore, startScore, hops, search.tried.size());
    }

    /**
     * One fit: the best view so far, and every view scored. Along one quantity it scans
     * {@value #SCAN} evenly spaced values over the quantity's range, then narrows the bracket
     * around the best of them by golden-section steps: the likelihood is a step function of the
     * view (a camera's view takes in a street or not), so the scan keeps the search off a false
     * local peak and the narrowing finds the value to within a few percent of the range.
     */
    private final class Search {
        private final CameraMap map;
        private final Map<Origin, List<Pair>> byOrigin;
        private final int hops;
        private final Map<CameraView, Double> tried = new HashMap<>();
        private CameraView best;
        private double bestScore;

        Search(CameraMap map, Map<Origin, List<Pair>> byOrigin, int hops, CameraView start, double startScore) {
            this.map = map;
            this.byOrigin = byOrigin;
            this.hops = hops;
            this.best = start;
            this.bestScore = startScore;
            tried.put(start, startScore);
        }

        /**
         * Reach and half angle trade against each other (a long narrow view and a short wide one
         * take in much the same street), so one quantity at a time from a wrong start can stall:
         * a coarse scan of both together comes first.
         */
        void reachAndAngle() {
            for (int i = 0; i < SCAN; i++) {
                for (int j = 0; j < SCAN; j++) {
                    double reach = LOW[0] + i * (HIGH[0] - LOW[0]) / (SCAN - 1);
                    double half = LOW[1] + j * (HIGH[1] - LOW[1]) / (SCAN - 1);
                    evaluate(new CameraView(reach, half, Math.min(best.closeMeters(), reach)));
                }
            }
        }

        void along(int quantity) {
            double low = LOW[quantity];
            double high = quantity == 2 ? Math.min(HIGH[2], best.reachMeters()) : HIGH[quantity];
            double step = (high - low) / (SCAN - 1);
            for (int i = 0; i < SCAN; i++) {
                evaluate(quantity, low + i * step);
            }
            double bestAt = value(best, quantity);
            GoldenSection.narrow(Math.max(low, bestAt - step), Math.min(high, bestAt + step), NARROW,
                    v -> evaluate(quantity, v));
        }

        /** The score of the best view with {@code quantity} set to {@code value}; keeps it if better. */
        private double evaluate(int quantity, double value) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("camera view fit interrupted");
            }
            CameraView candidate = with(best, quantity, Math.round(value * 10) / 10.0);
            return candidate == null ? Double.NEGATIVE_INFINITY : evaluate(candidate);
        }

        private double evaluate(CameraView candidate) {
            Double known = tried.get(candidate);
            double s = known != null ? known : score(map.withView(candidate), byOrigin, hops);
            tried.put(candidate, s);
            if (s > bestScore) {
                bestScore = s;
                best = candidate;
            }
            return s;
        }
    }

    private static double value(CameraView view, int quantity) {
        return quantity == 0 ? view.reachMeters() : quantity == 1 ? view.halfAngleDegrees() : view.closeMeters();
    }

    private static CameraView with(CameraView view, int quantity, double value) {
        double reach = quantity == 0 ? value : view.reachMeters();
        double half = quantity == 1 ? value : view.halfAngleDegrees();
        double close = quantity == 2 ? value : view.closeMeters();
        return close > reach ? null : new CameraView(reach, half, close);
    }

    private record Origin(String cameraId, TravelMode mode) {
    }

    /** The pairs grouped by origin and mode, at most {@value #MAX_ORIGINS} origins chosen by a fixed hash order. */
    private static Map<Origin, List<Pair>> sample(CameraMap map, List<Pair> pairs) {
        Map<Origin, List<Pair>> all = new HashMap<>();
        for (Pair p : pairs) {
            if (map.spot(p.from()) != null && map.spot(p.to()) != null && !p.from().equals(p.to())) {
                all.computeIfAbsent(new Origin(p.from(), p.mode()), k -> new ArrayList<>()).add(p);
            }
        }
        if (all.size() <= MAX_ORIGINS) {
            return all;
        }
        List<Origin> keys = new ArrayList<>(all.keySet());
        // by the id's own hash, not the record's: an enum's hash differs from one run of the JVM to the next
        keys.sort(Comparator.comparingInt((Origin o) -> Integer.reverse(o.cameraId().hashCode() * 31 + o.mode().ordinal()))
                .thenComparing(Origin::toString));
        Map<Origin, List<Pair>> out = new HashMap<>();
        keys.subList(0, MAX_ORIGINS).forEach(k -> out.put(k, all.get(k)));
        return out;
    }

    /** Mean log-likelihood per hop of the confirmed next cameras under the prior on {@code map}. */
    private double score(CameraMap map, Map<Origin, List<Pair>> byOrigin, int hops) {
        if (hops == 0) {
            return 0;
        }
        double sum = 0;
        for (List<Pair> fromOne : byOrigin.values()) {
            sum += logLikelihood(model, visibility, map, fromOne);
        }
        return sum / hops;
    }

    /**
     * Log-likelihood, in all, of {@code fromOne} (the confirmed hops of one origin and mode) under
     * the prior on {@code map}, each hop's probability floored at 10⁻⁴.
     */
    static double logLikelihood(NextCameraModel model, Visibility visibility, CameraMap map, List<Pair> fromOne) {
        Pair first = fromOne.get(0);
        CameraMap.Spot origin = map.spot(first.from());
        double reach = 0;
        for (Pair p : fromOne) {
            CameraMap.Spot to = map.spot(p.to());
            reach = Math.max(reach, 3 * Math.hypot(to.x() - origin.x(), to.y() - origin.y()) + 100);
        }
        Map<String, Double> prior = new HashMap<>();
        for (NextCameraModel.Reach r : model.explore(map, origin, first.mode(), reach, null, Set.of(), visibility)) {
            prior.put(r.cameraId(), r.probability());
        }
        double sum = 0;
        for (Pair p : fromOne) {
            sum += p.hops() * Math.log(Math.max(FLOOR, prior.getOrDefault(p.to(), 0.0)));
        }
        return sum;
    }
}
