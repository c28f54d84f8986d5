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
 * <p>Searched one quantity at a time over a fixed grid (reach 12-40 m, half angle 45-100 degrees,
 * close range 0-8 m), twice over, from the current view. Each candidate rebuilds the camera map
 * and explores from up to {@value #MAX_ORIGINS} origins, so a fit takes seconds to a minute for a
 * district: run it off the request path. Limits: one view for every camera (a per-camera view
 * would need far more confirmed hops than a district has early on); the likelihood of a hop is
 * floored at 10⁻⁴ so that one hop the streets cannot explain does not decide the fit.
 */
public final class ViewFit {

    private static final int MAX_ORIGINS = 3_000;
    private static final double FLOOR = 1e-4;
    private static final double[] REACH = {12, 15, 18, 20, 22, 25, 30, 40};
    private static final double[] HALF = {45, 55, 60, 65, 70, 75, 80, 90, 100};
    private static final double[] CLOSE = {0, 1, 2, 3, 5, 8};

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
        CameraView best = map.view();
        double start = score(map, byOrigin, hops);
        if (hops < minHops || map.network() == null) {
            return new Result(best, start, start, hops, 1);
        }
        double bestScore = start;
        Map<CameraView, Double> tried = new HashMap<>();
        tried.put(best, start);
        for (int round = 0; round < 2; round++) {
            for (int quantity = 0; quantity < 3; quantity++) {
                for (double value : quantity == 0 ? REACH : quantity == 1 ? HALF : CLOSE) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("camera view fit interrupted");
                    }
                    CameraView candidate = with(best, quantity, value);
                    if (candidate == null || tried.containsKey(candidate)) {
                        continue;
                    }
                    double s = score(map.withView(candidate), byOrigin, hops);
                    tried.put(candidate, s);
                    if (s > bestScore) {
                        bestScore = s;
                        best = candidate;
                    }
                }
            }
        }
        return new Result(best, bestScore, start, hops, tried.size());
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
        keys.sort(Comparator.comparingInt((Origin o) -> Integer.reverse(o.hashCode())).thenComparing(Origin::toString));
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
        for (Map.Entry<Origin, List<Pair>> e : byOrigin.entrySet()) {
            CameraMap.Spot origin = map.spot(e.getKey().cameraId());
            double reach = 0;
            for (Pair p : e.getValue()) {
                CameraMap.Spot to = map.spot(p.to());
                reach = Math.max(reach, 3 * Math.hypot(to.x() - origin.x(), to.y() - origin.y()) + 100);
            }
            Map<String, Double> prior = new HashMap<>();
            for (NextCameraModel.Reach r : model.explore(map, origin, e.getKey().mode(), reach, null, Set.of(),
                    visibility)) {
                prior.put(r.cameraId(), r.probability());
            }
            for (Pair p : e.getValue()) {
                sum += p.hops() * Math.log(Math.max(FLOOR, prior.getOrDefault(p.to(), 0.0)));
            }
        }
        return sum / hops;
    }
}
