package org.wardnet.bench.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.core.track.CameraMap;
import org.wardnet.core.track.Corridor;
import org.wardnet.core.track.FollowPlan;
import org.wardnet.core.track.FollowPlanner;
import org.wardnet.core.track.FollowQuery;
import org.wardnet.core.track.NextCameraModel;
import org.wardnet.core.track.StreetNetwork;
import org.wardnet.core.track.TrackLinks;
import org.wardnet.core.track.TransitionMemory;
import org.wardnet.core.track.TravelMode;
import org.wardnet.core.track.ViewFit;
import org.wardnet.core.track.Visibility;
import org.wardnet.simulator.district.District;
import org.wardnet.simulator.district.DistrictGenerator;

/**
 * Track-following on the reference district against {@link GroundTruth}: recall@1/3/5/10 of the
 * true next camera from each sighting, with the prior alone and after learning from TRAIN
 * confirmed tracks; and cameras and video-seconds to review per hop against a naive search
 * (every camera within the mode's top speed times the horizon, for the whole horizon). After
 * learning, the camera view is fitted to the confirmed hops as the server does, and the planner
 * runs on the fitted view.
 *
 * <p>Usage: {@code TrackEvaluation [TRAIN [TEST [SEED]]]} (defaults 1,000, 300 and 12; SEED draws
 * the test tracks). {@code -Ddiagnose=true}
 * sorts the misses (rank of the true next camera, crossings and unseen cameras between, what the top
 * five were); {@code -Dexamples=N} also prints N missed hops in full.
 */
public final class TrackEvaluation {

    private static final int[] KS = {1, 3, 5, 10};
    /** The server's default {@code track.priorStrength}. */
    private static final double PRIOR_STRENGTH = 5;
    /** The server's default {@code track.viewFitHops}. */
    private static final int VIEW_FIT_HOPS = 1_000;
    /** Cameras that see the subject within this many seconds of each other see the same moment. */
    private static final int SAME_MOMENT = 5;
    private static final boolean DIAGNOSE = Boolean.getBoolean("diagnose");
    private static final Map<String, Integer> MISSES = new TreeMap<>();
    private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

    public static void main(String[] args) {
        int train = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int test = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        long testSeed = args.length > 2 ? Long.parseLong(args[2]) : 12;
        District district = DistrictGenerator.reference();
        StreetNetwork network = StreetNetwork.of(district.grid().segments());
        CameraMap map = new CameraMap(network, network.plane(), 25);
        for (CameraDraft c : district.cameras()) {
            map.put(c.id(), new GeoPoint(c.location().lat(), c.location().lon()), c.heading());
        }
        long onStreets = district.cameras().stream().filter(c -> map.spot(c.id()).placement() != null).count();
        System.out.printf("district: %,d cameras (%,d within 25 m of a street), %,d crossings, %,d street edges%n",
                map.size(), onStreets, network.nodeCount(), network.edgeCount());
        GroundTruth truth = new GroundTruth(network, district.cameras(), 7);
        List<GroundTruth.Track> trainTracks = tracks(truth, new Random(11), train);
        List<GroundTruth.Track> testTracks = tracks(truth, new Random(testSeed), test);
        TransitionMemory memory = new TransitionMemory();
        NextCameraModel model = new NextCameraModel(0.75, 1.3);
        Visibility visibility = new Visibility();
        FollowPlanner planner = new FollowPlanner(map, model, memory, new TrackLinks(), visibility,
                PRIOR_STRENGTH, 60_000);
        Corridor streets = new Corridor(map);
        evaluate("prior alone, no heading", planner, map, testTracks, Headings.NONE);
        evaluate("prior alone, heading from the previous camera", planner, map, testTracks, Headings.PREVIOUS_CAMERA);
        evaluate("prior alone, heading read off the footage (±20°)", planner, map, testTracks, Headings.FOOTAGE);
        int hops = 0;
        for (GroundTruth.Track track : trainTracks) {
            List<GroundTruth.Sighting> s = track.sightings();
            for (int i = 0; i + 1 < s.size(); i++) {
                if (!s.get(i).cameraId().equals(s.get(i + 1).cameraId())) {
                    memory.record(s.get(i).cameraId(), s.get(i + 1).cameraId(), track.mode(),
                            s.get(i + 1).clockSeconds() - s.get(i).clockSeconds());
                    visibility.record(streets.between(s.get(i).cameraId(), s.get(i + 1).cameraId()),
                            s.get(i + 1).cameraId());
                    hops++;
                }
            }
        }
        System.out.printf("learned from %,d confirmed tracks (%,d hops)%n", train, hops);
        long fitStart = System.nanoTime();
        ViewFit.Result fit = new ViewFit(model, visibility, VIEW_FIT_HOPS)
                .fit(map, memory.pairs());
        System.out.printf("camera view fitted to %,d hops in %.1f s (%d views tried): %s, log-likelihood per hop %.3f"
                + " (from %.3f under %s)%n", fit.hops(), (System.nanoTime() - fitStart) / 1e9, fit.tried(), fit.view(),
                fit.logLikelihood(), fit.startLogLikelihood(), map.view());
        planner = new FollowPlanner(map.withView(fit.view()), model, memory, new TrackLinks(), visibility,
                PRIOR_STRENGTH, 60_000);
        evaluate("after learning, no heading", planner, map, testTracks, Headings.NONE);
        evaluate("after learning, heading from the previous camera", planner, map, testTracks, Headings.PREVIOUS_CAMERA);
        evaluate("after learning, heading read off the footage (±20°)", planner, map, testTracks, Headings.FOOTAGE);
        MISSES.forEach((k, v) -> System.out.println("MISS " + k + ": " + v));
    }

    private static List<GroundTruth.Track> tracks(GroundTruth truth, Random random, int count) {
        List<GroundTruth.Track> out = new ArrayList<>();
        while (out.size() < count) {
            GroundTruth.Track t = truth.track(random);
            if (t.sightings().size() >= 2) {
                out.add(t);
            }
        }
        return out;
    }

    public static int horizon(TravelMode mode) {
        return switch (mode) {
            case WALK -> 300;
            case BIKE -> 180;
            case CAR -> 120;
        };
    }

    /** The compass bearing from one camera to another, as an investigator reads it off the route so far. */
    private static Double bearing(CameraMap map, String from, String to) {
        CameraMap.Spot a = map.spot(from);
        CameraMap.Spot b = map.spot(to);
        if (a.cameraId().equals(b.cameraId()) || Math.hypot(b.x() - a.x(), b.y() - a.y()) < 10) {
            return null;
        }
        return (Math.toDegrees(Math.atan2(b.x() - a.x(), b.y() - a.y())) + 360) % 360;
    }

    /** Where the follow request's heading comes from. */
    enum Headings { NONE, PREVIOUS_CAMERA, FOOTAGE }

    private static final Random NOISE = new Random(5);

    private static void evaluate(String label, FollowPlanner planner, CameraMap map, List<GroundTruth.Track> tracks,
            Headings headings) {
        int[] strict = new int[KS.length];
        int[] grouped = new int[KS.length];
        int inWindow = 0;
        int total = 0;
        double naiveCameras = 0;
        double naiveSeconds = 0;
        double ourCameras = 0;
        double ourSeconds = 0;
        long nanos = 0;
        for (GroundTruth.Track track : tracks) {
            List<GroundTruth.Sighting> s = track.sightings();
            for (int i = 0; i + 1 < s.size(); i++) {
                GroundTruth.Sighting from = s.get(i);
                GroundTruth.Sighting to = s.get(i + 1);
                if (from.cameraId().equals(to.cameraId())) {
                    continue;
                }
                List<GroundTruth.Sighting> group = new ArrayList<>();
                for (int j = i + 1; j < s.size() && s.get(j).trueSeconds() <= to.trueSeconds() + SAME_MOMENT; j++) {
                    if (!s.get(j).cameraId().equals(from.cameraId())) {
                        group.add(s.get(j));
                    }
                }
                int horizon = horizon(track.mode());
                Instant at = T0.plusMillis(Math.round(from.clockSeconds() * 1000));
                Double heading = switch (headings) {
                    case NONE -> null;
                    case PREVIOUS_CAMERA -> i == 0 ? null : bearing(map, s.get(i - 1).cameraId(), from.cameraId());
                    case FOOTAGE -> (from.bearing() + NOISE.nextGaussian() * 20 + 720) % 360;
                };
                long t = System.nanoTime();
                FollowPlan plan = planner.plan(new FollowQuery(from.cameraId(), at, track.mode(), horizon, 10, heading,
                        Set.of(), null));
                nanos += System.nanoTime() - t;
                total++;
                int strictRank = rank(plan, List.of(to));
                int groupRank = rank(plan, group);
                for (int k = 0; k < KS.length; k++) {
                    strict[k] += strictRank >= 0 && strictRank < KS[k] ? 1 : 0;
                    grouped[k] += groupRank >= 0 && groupRank < KS[k] ? 1 : 0;
                }
                if (DIAGNOSE) {
                    int here = track.passes().indexOf(from.cameraId());
                    int next = track.passes().indexOf(to.cameraId());
                    MISSES.merge(label + ": all hops, crossings between " + Math.min(3,
                            track.passEdges().get(next) - track.passEdges().get(here)), 1, Integer::sum);
                }
                if (DIAGNOSE && (groupRank < 0 || groupRank >= 5)) {
                    FollowPlan wide = planner.plan(new FollowQuery(from.cameraId(), at, track.mode(), horizon, 500,
                            heading, Set.of(), null));
                    int wideRank = rank(wide, group);
                    CameraMap.Spot a = map.spot(from.cameraId());
                    CameraMap.Spot b = map.spot(to.cameraId());
                    String bucket = b.placement() == null ? "target off the streets"
                            : a.placement() == null ? "origin off the streets"
                            : wideRank < 0 ? "not reached" : wideRank < 10 ? "rank 5-9" : wideRank < 20 ? "rank 10-19"
                            : "rank 20+";
                    MISSES.merge(label + ": " + bucket, 1, Integer::sum);
                    MISSES.merge(label + ": mode " + track.mode(), 1, Integer::sum);
                    int here = track.passes().indexOf(from.cameraId());
                    int next = track.passes().indexOf(to.cameraId());
                    if (label.contains("after learning, heading read") && EXAMPLES[0]-- > 0) {
                        example(map, track, from, to, heading, plan, wideRank);
                    }
                    MISSES.merge(label + ": cameras crossed unseen between " + Math.min(5, next - here - 1), 1, Integer::sum);
                    MISSES.merge(label + ": crossings between " + Math.min(3,
                            track.passEdges().get(next) - track.passEdges().get(here)), 1, Integer::sum);
                    for (FollowPlan.Candidate c : plan.candidates().subList(0, Math.min(5, plan.candidates().size()))) {
                        int k = track.passes().indexOf(c.cameraId());
                        String kind = k < 0 ? "never crossed" : k < here ? "crossed before the origin"
                                : k < next ? "crossed between, unseen" : "crossed after the next";
                        MISSES.merge(label + ": top-5 camera " + kind, 1, Integer::sum);
                    }
                }
                if (groupRank >= 0 && groupRank < 5 && insideWindow(plan, group)) {
                    inWindow++;
                }
                CameraMap.Spot origin = map.spot(from.cameraId());
                int naive = map.within(origin.x(), origin.y(), track.mode().fastest() * horizon).size() - 1;
                naiveCameras += naive;
                naiveSeconds += (double) naive * horizon;
                List<FollowPlan.Candidate> top = plan.candidates().subList(0, Math.min(5, plan.candidates().size()));
                ourCameras += top.size();
                for (FollowPlan.Candidate c : top) {
                    ourSeconds += (c.windowTo().toEpochMilli() - c.windowFrom().toEpochMilli()) / 1000.0;
                }
            }
        }
        System.out.printf("RESULT %s: %,d hops%n", label, total);
        System.out.printf("RESULT   recall, the next camera to see it: @1 %.3f, @3 %.3f, @5 %.4f, @10 %.3f%n",
                strict[0] / (double) total, strict[1] / (double) total, strict[2] / (double) total,
                strict[3] / (double) total);
        System.out.printf("RESULT   recall, any camera seeing it within %d s of the next: @1 %.3f, @3 %.3f, @5 %.4f,"
                + " @10 %.3f; in the top 5 with the time inside its window %.3f%n", SAME_MOMENT,
                grouped[0] / (double) total, grouped[1] / (double) total, grouped[2] / (double) total,
                grouped[3] / (double) total, inWindow / (double) total);
        System.out.printf("RESULT   per hop, top 5 = %.1f cameras and %.0f s of video against naive %.0f cameras"
                + " and %.0f s: %.0fx fewer cameras, %.0fx less video; planning %.3f ms per hop (mean)%n",
                ourCameras / total, ourSeconds / total, naiveCameras / total, naiveSeconds / total,
                naiveCameras / ourCameras, naiveSeconds / ourSeconds, nanos / 1e6 / total);
    }

    private static final int[] EXAMPLES = {Integer.getInteger("examples", 0)};

    private static void example(CameraMap map, GroundTruth.Track track, GroundTruth.Sighting from,
            GroundTruth.Sighting to, Double heading, FollowPlan plan, int wideRank) {
        CameraMap.Spot a = map.spot(from.cameraId());
        System.out.printf("EX %s speed %.1f, origin %s heading %s watches %d edges, subject bearing %.0f (given %.0f); next %s rank %d%n",
                track.mode(), track.speed(), a.cameraId(), a.heading(), map.watching(a.cameraId()).size(),
                from.bearing(), heading, to.cameraId(), wideRank);
        int here = track.passes().indexOf(from.cameraId());
        Set<String> seen = new HashSet<>();
        track.sightings().forEach(x -> seen.add(x.cameraId()));
        StringBuilder crossed = new StringBuilder();
        for (int k = Math.max(0, here - 3); k < Math.min(track.passes().size(), here + 8); k++) {
            String id = track.passes().get(k);
            CameraMap.Spot c = map.spot(id);
            crossed.append(String.format(" %s%s(%.0f,%.0f h%s)", k == here ? "*" : "", seen.contains(id) ? "SEEN:" : "",
                    c.x() - a.x(), c.y() - a.y(), c.heading() == null ? "-" : String.format("%.0f", c.heading())));
        }
        System.out.println("EX   crossed:" + crossed);
        for (FollowPlan.Candidate c : plan.candidates().subList(0, Math.min(6, plan.candidates().size()))) {
            CameraMap.Spot s = map.spot(c.cameraId());
            System.out.printf("EX   cand (%.0f,%.0f h%s) score %.3f prior %.3f learned %.3f hops %d dist %.0f%s%n",
                    s.x() - a.x(), s.y() - a.y(), s.heading() == null ? "-" : String.format("%.0f", s.heading()),
                    c.score(), c.prior(), c.learned(), c.learnedHops(), c.distanceMeters(),
                    c.cameraId().equals(to.cameraId()) ? " <= NEXT" : "");
        }
        CameraMap.Spot b = map.spot(to.cameraId());
        System.out.printf("EX   next at (%.0f,%.0f h%s)%n", b.x() - a.x(), b.y() - a.y(),
                b.heading() == null ? "-" : String.format("%.0f", b.heading()));
    }

    /** The best rank of any of {@code targets} among the candidates, or -1. */
    private static int rank(FollowPlan plan, List<GroundTruth.Sighting> targets) {
        for (int r = 0; r < plan.candidates().size(); r++) {
            String id = plan.candidates().get(r).cameraId();
            if (targets.stream().anyMatch(t -> t.cameraId().equals(id))) {
                return r;
            }
        }
        return -1;
    }

    /** Whether some target in the top 5 was seen (by its own clock) inside that candidate's window. */
    private static boolean insideWindow(FollowPlan plan, List<GroundTruth.Sighting> targets) {
        for (FollowPlan.Candidate c : plan.candidates().subList(0, Math.min(5, plan.candidates().size()))) {
            for (GroundTruth.Sighting t : targets) {
                Instant seen = T0.plusMillis(Math.round(t.clockSeconds() * 1000));
                if (t.cameraId().equals(c.cameraId()) && !seen.isBefore(c.windowFrom()) && !seen.isAfter(c.windowTo())) {
                    return true;
                }
            }
        }
        return false;
    }
}
