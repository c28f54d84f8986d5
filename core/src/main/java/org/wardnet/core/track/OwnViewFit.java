package org.wardnet.core.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Fits a view of its own — reach, half angle and which way it faces — to each camera that enough
 * confirmed hops reached, the district's view ({@link ViewFit}) standing for the rest. Cameras
 * differ: one looks down a single street from a crossing, another takes in the whole crossing,
 * and the registry says neither how far nor how wide, and has no heading for some.
 *
 * <p>A camera's view decides where along each street it first sees a passer-by and which streets
 * it sees at all, so it changes the prior of hops that end at it and of hops that leave it. Its
 * fit weighs exactly those: the confirmed hops from the origins that reached it and from itself.
 * Searched from the view it has now: without a registered heading, all round or one of eight
 * compass headings; then reach and half angle scanned together and narrowed one at a time by
 * golden-section steps; with a heading, the heading itself is narrowed last (±45°). Cameras are
 * fitted one after another on a private copy of the map, each seeing those fitted before it.
 *
 * <p>A camera keeps the district's view unless its own explains its hops better by more than
 * {@value #MIN_GAIN} nats in all (about what three free quantities buy by chance): a camera with
 * a handful of hops mostly stays as it was. Limits: close range is the district's; at most
 * {@value #MAX_ORIGINS} origins per camera are weighed (those with most hops to it); the fit of a
 * district of 10,000 cameras with some 50,000 confirmed hops takes minutes: run it off the
 * request path.
 */
public final class OwnViewFit {

    private static final double MIN_GAIN = 3;
    private static final int MAX_ORIGINS = 12;
    private static final double[] REACH = {8, 60};
    private static final double[] HALF_ANGLE = {15, 180};
    private static final int SCAN = 4;
    private static final int NARROW = 5;

    private final NextCameraModel model;
    private final Visibility visibility;
    private final int minHops;

    /** @param minHops confirmed hops that must have reached a camera before it gets a view of its own */
    public OwnViewFit(NextCameraModel model, Visibility visibility, int minHops) {
        this.model = model;
        this.visibility = visibility;
        this.minHops = Math.max(1, minHops);
    }

    /**
     * One camera's own view.
     *
     * @param heading which way it is taken to face (null: all round)
     * @param hops    confirmed hops that reached it
     * @param gain    how much better its own view explains the hops weighed, nats in all
     */
    public record OwnView(CameraView view, Double heading, int hops, double gain) {
        /** As the camera map takes it. */
        public CameraMap.Own own() {
            return new CameraMap.Own(view, heading);
        }
    }

    /**
     * The cameras that got a view of their own, by id; the rest keep {@code district}, the view
     * every camera of {@code map} starts from. Own views {@code map} already has are not started
     * from: each fit starts afresh.
     */
    public Map<String, OwnView> fit(CameraMap map, CameraView district, List<ViewFit.Pair> pairs) {
        CameraMap work = map.withViews(district, Map.of());
        Map<String, List<ViewFit.Pair>> byTarget = new HashMap<>();
        Map<String, List<ViewFit.Pair>> bySource = new HashMap<>();
        for (ViewFit.Pair p : pairs) {
            if (work.spot(p.from()) != null && work.spot(p.to()) != null && !p.from().equals(p.to())) {
                byTarget.computeIfAbsent(p.to(), k -> new ArrayList<>()).add(p);
                bySource.computeIfAbsent(p.from() + '|' + p.mode(), k -> new ArrayList<>()).add(p);
            }
        }
        List<String> cameras = new ArrayList<>();
        byTarget.forEach((id, in) -> {
            if (in.stream().mapToInt(ViewFit.Pair::hops).sum() >= minHops && work.spot(id).placement() != null) {
                cameras.add(id);
            }
        });
        cameras.sort(Comparator.naturalOrder());
        Map<String, OwnView> out = new HashMap<>();
        for (String id : cameras) {
            List<List<ViewFit.Pair>> weighed = weighed(id, byTarget.get(id), bySource);
            Search search = new Search(work, id, weighed);
            OwnView own = search.run(byTarget.get(id).stream().mapToInt(ViewFit.Pair::hops).sum());
            if (own != null) {
                out.put(id, own);
            }
        }
        return out;
    }

    /** {@code map} with each camera in {@code views} seeing as its own view says, the rest as the district's. */
    public static CameraMap apply(CameraMap map, Map<String, OwnView> views) {
        Map<String, CameraMap.Own> own = new HashMap<>();
        views.forEach((id, v) -> own.put(id, v.own()));
        return map.withOwnViews(own);
    }

    /** The hops whose prior the camera's view changes: from the origins that reached it (most hops first), and its own. */
    private static List<List<ViewFit.Pair>> weighed(String id, List<ViewFit.Pair> in,
            Map<String, List<ViewFit.Pair>> bySource) {
        Map<String, Integer> origins = new HashMap<>();
        for (ViewFit.Pair p : in) {
            origins.merge(p.from() + '|' + p.mode(), p.hops(), Integer::sum);
        }
        List<String> keys = new ArrayList<>(origins.keySet());
        keys.sort(Comparator.comparing((String k) -> -origins.get(k)).thenComparing(Comparator.naturalOrder()));
        List<List<ViewFit.Pair>> out = new ArrayList<>();
        keys.stream().limit(MAX_ORIGINS).forEach(k -> out.add(bySource.get(k)));
        for (TravelMode mode : TravelMode.values()) {
            List<ViewFit.Pair> own = bySource.get(id + '|' + mode);
            if (own != null) {
                out.add(own);
            }
        }
        return out;
    }

    /** One camera's search, on the shared working map; leaves the camera at its best view. */
    private final class Search {
        private final CameraMap map;
        private final String id;
        private final List<List<ViewFit.Pair>> weighed;
        private final CameraMap.Spot spot;
        private final CameraView district;
        private CameraView bestView;
        private Double bestHeading;
        private double bestScore;

        Search(CameraMap map, String id, List<List<ViewFit.Pair>> weighed) {
            this.map = map;
            this.id = id;
            this.weighed = weighed;
            this.spot = map.spot(id);
            this.district = map.viewOf(id);
            this.bestView = district;
            this.bestHeading = spot.heading();
        }

        OwnView run(int hops) {
            double start = score();
            bestScore = start;
            if (spot.heading() == null) {
                for (int i = 0; i < 8; i++) {
                    evaluate(bestView, i * 45.0);
                }
            }
            for (int i = 0; i < SCAN; i++) {
                double reach = REACH[0] + i * (REACH[1] - REACH[0]) / (SCAN - 1);
                for (int j = 0; j < SCAN; j++) {
                    double half = HALF_ANGLE[0] + j * (HALF_ANGLE[1] - HALF_ANGLE[0]) / (SCAN - 1);
                    evaluate(new CameraView(reach, half, Math.min(district.closeMeters(), reach)), bestHeading);
                }
            }
            narrow(0, REACH[0], REACH[1], (REACH[1] - REACH[0]) / (SCAN - 1));
            narrow(1, HALF_ANGLE[0], HALF_ANGLE[1], (HALF_ANGLE[1] - HALF_ANGLE[0]) / (SCAN - 1));
            if (bestHeading != null) {
                narrow(2, bestHeading - 45, bestHeading + 45, 45);
            }
            if (bestScore - start <= MIN_GAIN) {
                map.put(id, spot.location(), spot.heading(), null);
                return null;
            }
            map.put(id, spot.location(), spot.heading(), new CameraMap.Own(bestView, bestHeading));
            return new OwnView(bestView, bestHeading == null ? null : compass(bestHeading), hops, bestScore - start);
        }

        /** Golden-section narrowing of one quantity (0 reach, 1 half angle, 2 heading) around its best value. */
        private void narrow(int quantity, double low, double high, double step) {
            double at = quantity == 0 ? bestView.reachMeters() : quantity == 1 ? bestView.halfAngleDegrees() : bestHeading;
            GoldenSection.narrow(Math.max(low, at - step), Math.min(high, at + step), NARROW, v -> evaluate(quantity, v));
        }

        private double evaluate(int quantity, double value) {
            double v = Math.round(value * 10) / 10.0;
            return switch (quantity) {
                case 0 -> evaluate(new CameraView(v, bestView.halfAngleDegrees(), Math.min(bestView.closeMeters(), v)),
                        bestHeading);
                case 1 -> evaluate(new CameraView(bestView.reachMeters(), v, bestView.closeMeters()), bestHeading);
                default -> evaluate(bestView, compass(v));
            };
        }

        private double evaluate(CameraView view, Double heading) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("camera view fit interrupted");
            }
            map.put(id, spot.location(), spot.heading(), new CameraMap.Own(view, heading));
            double s = score();
            if (s > bestScore) {
                bestScore = s;
                bestView = view;
                bestHeading = heading;
            }
            return s;
        }

        /** Log-likelihood, in all, of the weighed hops under the prior on the map as it stands. */
        private double score() {
            double sum = 0;
            for (List<ViewFit.Pair> fromOne : weighed) {
                sum += ViewFit.logLikelihood(model, visibility, map, fromOne);
            }
            return sum;
        }
    }

    private static double compass(double degrees) {
        return (degrees % 360 + 360) % 360;
    }
}
