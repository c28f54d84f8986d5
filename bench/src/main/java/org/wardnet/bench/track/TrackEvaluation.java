package org.wardnet.bench.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.wardnet.bench.track.town.TownFamily;
import org.wardnet.bench.track.town.TownTruth;
import org.wardnet.bench.track.town.TrueCamera;
import org.wardnet.config.TrackKeys;
import org.wardnet.core.track.CameraMap;
import org.wardnet.core.track.CameraView;
import org.wardnet.core.track.ClockOffsets;
import org.wardnet.core.track.Corridor;
import org.wardnet.core.track.FollowPlan;
import org.wardnet.core.track.FollowPlanner;
import org.wardnet.core.track.FollowQuery;
import org.wardnet.core.track.NextCameraModel;
import org.wardnet.core.track.OwnViewFit;
import org.wardnet.core.track.RouteCheck;
import org.wardnet.core.track.RouteFit;
import org.wardnet.core.track.StreetDistance;
import org.wardnet.core.track.StreetNetwork;
import org.wardnet.core.track.TrackCase;
import org.wardnet.core.track.TrackLinks;
import org.wardnet.core.track.TransitionMemory;
import org.wardnet.core.track.TravelMode;
import org.wardnet.core.track.TravelSpeeds;
import org.wardnet.core.track.ViewFit;
import org.wardnet.core.track.Visibility;

/**
 * Track-following on generated towns of several families ({@link TownFamily}), each judged on
 * ground truth ({@link TownTruth}) the planner never sees: from each sighting, is the exact next
 * sighting camera among the first k proposed (recall@1/3/5/10), how many cameras are reviewed
 * until it is found, and how much less is reviewed than by a naive search (every camera within
 * the mode's top speed times the horizon, for the whole horizon). Six ways are compared per town:
 * the counting baseline ({@link CountingBaseline}), the planner's prior alone, and the planner
 * after learning from TRAIN confirmed tracks as the server does (hops, cameras' detection, the
 * fitted view) — each without a heading and with the heading read off the footage (±20°).
 *
 * <p>The planner runs with the server's own defaults. {@link TownFamily#GRID} is the family
 * settings may be tuned on (its town seed {@value #DEV_SEED}); every other family's town (seed
 * {@value #HELD_OUT_SEED}) and every test track (seed {@value #TEST_SEED}) is held out.
 *
 * <p>Usage: {@code TrackEvaluation [TRAIN [TEST]]} (defaults 1,000 and 300 tracks; {@code bench/run track} scores 100);
 * {@code -Dfamilies=GRID,ORGANIC} picks families; {@code -Dways=learned} only the ways whose label
 * starts so; {@code -DpriorStrengths=1,2,5} the learned planner under each prior strength instead
 * (for tuning, on the dev family only); {@code -DskewSeconds=120} another clock-skew margin than the
 * server's default; {@code -DheldOutSeed=3} other towns of the held-out families.
 */
public final class TrackEvaluation {

    static final long DEV_SEED = 1;
    static final long HELD_OUT_SEED = 2;
    static final long TRAIN_SEED = 11;
    static final long TEST_SEED = 12;
    private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");
    private static final double FOOTAGE_NOISE_DEGREES = 20;
    /** Continuations per hop for the ground truth's own odds. */
    private static final int CEILING_RUNS = 200;

    public static void main(String[] args) {
        int train = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int test = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        List<TownFamily> families = new ArrayList<>();
        for (String name : System.getProperty("families", "GRID,ORGANIC,RINGS").split(",")) {
            families.add(TownFamily.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
        for (TownFamily family : families) {
            evaluate(family, family == TownFamily.GRID ? DEV_SEED : Long.getLong("heldOutSeed", HELD_OUT_SEED), train,
                    test);
        }
    }

    public static int horizon(TravelMode mode) {
        return switch (mode) {
            case WALK -> 300;
            case BIKE -> 180;
            case CAR -> 120;
        };
    }

    private static void evaluate(TownFamily family, long townSeed, int train, int test) {
        long started = System.nanoTime();
        TownFamily.Town town = family.generate(townSeed);
        StreetNetwork network = StreetNetwork.of(town.streets());
        CameraMap map = new CameraMap(network, network.plane(), TrackKeys.TRACK_STREET_REACH_METERS.defaultValue());
        for (TrueCamera c : town.cameras()) {
            map.put(c.id(), c.location(), c.registeredHeading());
        }
        long onStreets = town.cameras().stream().filter(c -> map.spot(c.id()).placement() != null).count();
        long down = town.cameras().stream().filter(TrueCamera::down).count();
        double kilometres = 0;
        for (int e = 0; e < network.edgeCount(); e++) {
            kilometres += network.length(e) / 1000;
        }
        TownTruth truth = new TownTruth(network, town.cameras());
        List<TownTruth.Track> trainTracks = truth.tracks(new Random(TRAIN_SEED), train);
        List<TownTruth.Track> testTracks = truth.tracks(new Random(TEST_SEED), test);
        System.out.printf(Locale.ROOT, "RESULT %s town (seed %d, %s): %,d cameras (%,d within reach of a street, %,d down),"
                + " %,d crossings, %.0f km of street%n", family, townSeed,
                family == TownFamily.GRID ? "dev family: the one settings may be tuned on" : "held out", map.size(),
                onStreets, down, network.nodeCount(), kilometres);

        Random noise = new Random(5);
        NextCameraModel model = new NextCameraModel(TrackKeys.TRACK_DETECTION_PERCENT.defaultValue() / 100.0,
                TrackKeys.TRACK_DETOUR_PERCENT.defaultValue() / 100.0);
        double priorStrength = TrackKeys.TRACK_PRIOR_STRENGTH.defaultValue();
        long skewMillis = Long.getLong("skewSeconds", TrackKeys.TRACK_CLOCK_SKEW_SECONDS.defaultValue()) * 1000L;
        TransitionMemory memory = new TransitionMemory();
        Visibility visibility = new Visibility();
        CountingBaseline counting = new CountingBaseline(map);
        Corridor streets = new Corridor(map);
        // learned as the server learns a confirmed case: only legs its route check finds possible, so a
        // leg whose clocks disagree enough to run backwards or too fast is not learned
        StreetDistance distance = new StreetDistance(map, model.detour());
        RouteFit routeFit = Boolean.parseBoolean(System.getProperty("clocks", "true"))
                ? RouteFit.fit(routes(trainTracks), distance::between) : RouteFit.NONE;
        ClockOffsets clocks = routeFit.clocks();
        System.out.println("RESULT   " + clockError(clocks, town.cameras()));
        System.out.println("RESULT   " + speeds(routeFit.speeds()));
        int hops = 0;
        int refused = 0;
        for (TownTruth.Track track : trainTracks) {
            List<TownTruth.Sighting> seen = track.sightings();
            List<TrackCase.Hop> route = new ArrayList<>();
            for (int i = 0; i < seen.size(); i++) {
                Instant at = Instant.ofEpochMilli(seen(seen.get(i)));
                route.add(new TrackCase.Hop(i + 1, seen.get(i).cameraId(), at, null, null, at));
            }
            for (RouteCheck.Leg leg : RouteCheck.legs(route, track.mode(), distance::between, skewMillis / 1000.0,
                    clocks)) {
                TownTruth.Sighting from = seen.get(leg.fromSeq() - 1);
                TownTruth.Sighting to = seen.get(leg.toSeq() - 1);
                if (from.cameraId().equals(to.cameraId())) {
                    continue;
                }
                if (!leg.possible()) {
                    refused++;
                    continue;
                }
                memory.record(from.cameraId(), to.cameraId(), track.mode(), leg.seconds());
                visibility.record(streets.between(from.cameraId(), to.cameraId()), to.cameraId());
                counting.learn(from.cameraId(), to.cameraId(), footage(from, noise));
                hops++;
            }
        }
        ViewFit.Result fit = new ViewFit(model, visibility, TrackKeys.TRACK_VIEW_FIT_HOPS.defaultValue())
                .fit(map, memory.pairs());
        System.out.printf(Locale.ROOT, "RESULT   learned from %,d confirmed tracks (%,d hops; %,d legs refused by the"
                + " route check, as the server refuses them); view fitted: %s%n", train, hops, refused, fit.view());
        FollowPlanner prior = new FollowPlanner(map, model, new TransitionMemory(), new TrackLinks(), new Visibility(),
                priorStrength, skewMillis);
        int ownHops = Integer.getInteger("ownViewHops", TrackKeys.TRACK_OWN_VIEW_HOPS.defaultValue());
        long ownStarted = System.nanoTime();
        Map<String, OwnViewFit.OwnView> own = ownHops > 0
                ? new OwnViewFit(model, visibility, ownHops).fit(map, fit.view(), memory.pairs()) : Map.of();
        System.out.printf(Locale.ROOT, "RESULT   own views fitted to %,d cameras (of those reached by %d+ hops) in %.0f s%n",
                own.size(), ownHops, (System.nanoTime() - ownStarted) / 1e9);
        CameraMap learnedMap = OwnViewFit.apply(map.withView(fit.view()), own);
        FollowPlanner learned = new FollowPlanner(learnedMap, model, memory, new TrackLinks(), visibility,
                priorStrength, skewMillis, routeFit);

        FollowPlanner oracle = oracle(network, town.cameras(), model, priorStrength, skewMillis);

        List<Way> ways = List.of(
                new Way(new RecallTally("counting baseline, no heading"), false, (h, hd, ex, n) -> counted(counting, h, null, ex, n)),
                new Way(new RecallTally("counting baseline, heading ±20°"), true, (h, hd, ex, n) -> counted(counting, h, hd, ex, n)),
                new Way(new RecallTally("prior alone, no heading"), false, (h, hd, ex, n) -> planned(prior, h, null, ex, n)),
                new Way(new RecallTally("prior alone, heading ±20°"), true, (h, hd, ex, n) -> planned(prior, h, hd, ex, n)),
                new Way(new RecallTally("learned, no heading"), false, (h, hd, ex, n) -> planned(learned, h, null, ex, n)),
                new Way(new RecallTally("learned, heading ±20°"), true, (h, hd, ex, n) -> planned(learned, h, hd, ex, n)),
                new Way(new RecallTally("(true views+detection), no heading"), false, (h, hd, ex, n) -> planned(oracle, h, null, ex, n)),
                new Way(new RecallTally("(true views+detection), heading ±20°"), true, (h, hd, ex, n) -> planned(oracle, h, hd, ex, n)),
                new Way(new RecallTally("(ground truth's own odds), every 5th", false), true, ceiling(truth), 5));
        String strengths = System.getProperty("priorStrengths", "");
        if (!strengths.isEmpty()) { // tuning on the dev family: the learned planner under each prior strength
            List<Way> tuning = new ArrayList<>();
            for (String k : strengths.split(",")) {
                FollowPlanner p = new FollowPlanner(learnedMap, model, memory, new TrackLinks(),
                        visibility, Double.parseDouble(k), skewMillis, routeFit);
                tuning.add(new Way(new RecallTally("learned k=" + k + ", no heading"), false,
                        (h, hd, ex, n) -> planned(p, h, null, ex, n)));
                tuning.add(new Way(new RecallTally("learned k=" + k + ", heading ±20°"), true,
                        (h, hd, ex, n) -> planned(p, h, hd, ex, n)));
            }
            ways = tuning;
        }
        String only = System.getProperty("ways", "");
        ways = ways.stream().filter(w -> w.tally.label().startsWith(only)).toList();
        int hopNumber = 0;
        for (TownTruth.Track track : testTracks) {
            for (Hop hop : hops(track)) {
                hopNumber++;
                Double heading = footage(hop.from, noise);
                CameraMap.Spot origin = map.spot(hop.from.cameraId());
                int horizon = horizon(track.mode());
                int naive = map.within(origin.x(), origin.y(), track.mode().fastest() * horizon).size() - 1;
                for (Way way : ways) {
                    if (hopNumber % way.every == 0) {
                        score(way, hop, heading, naive, horizon);
                    }
                }
            }
        }
        System.out.println("RESULT   " + RecallTally.header());
        for (Way way : ways) {
            System.out.println("RESULT   " + way.tally.line());
        }
        System.out.printf(Locale.ROOT, "RESULT   (%s: %.0f s)%n", family, (System.nanoTime() - started) / 1e9);
    }

    /** The confirmed tracks as the clock fit reads them: cameras and their clocks' times. */
    private static List<ClockOffsets.Route> routes(List<TownTruth.Track> tracks) {
        List<ClockOffsets.Route> out = new ArrayList<>();
        for (TownTruth.Track track : tracks) {
            out.add(new ClockOffsets.Route(track.mode(),
                    track.sightings().stream().map(TownTruth.Sighting::cameraId).toList(),
                    track.sightings().stream().map(TrackEvaluation::seen).toList()));
        }
        return out;
    }

    private static String speeds(TravelSpeeds speeds) {
        StringBuilder out = new StringBuilder("speeds learned (5th / 50th / 95th percentile, m/s):");
        for (TravelMode mode : TravelMode.values()) {
            TravelSpeeds.Spread s = speeds.learned(mode);
            if (s != null) {
                out.append(String.format(Locale.ROOT, " %s %.2f / %.2f / %.2f of %,d legs;", mode, s.slow(),
                        s.typical(), s.fast(), s.legs()));
            }
        }
        return out.toString();
    }

    /**
     * How well the learned clock offsets match the true skews, over cameras with at least 10 legs,
     * after taking off the mean difference (a common offset is invisible and harmless).
     */
    private static String clockError(ClockOffsets clocks, List<TrueCamera> cameras) {
        List<double[]> pairs = new ArrayList<>();
        for (TrueCamera c : cameras) {
            if (clocks.legs(c.id()) >= 10) {
                pairs.add(new double[] {clocks.seconds(c.id()), c.skewSeconds()});
            }
        }
        double mean = pairs.stream().mapToDouble(p -> p[0] - p[1]).average().orElse(0);
        double error = Math.sqrt(pairs.stream().mapToDouble(p -> Math.pow(p[0] - p[1] - mean, 2)).average().orElse(0));
        double spread = Math.sqrt(pairs.stream().mapToDouble(p -> p[1] * p[1]).average().orElse(0));
        return String.format(Locale.ROOT, "clock offsets learned for %,d cameras; on the %,d with 10+ legs, off by"
                + " %.1f s RMS (true skews %.1f s RMS)", clocks.size(), pairs.size(), error, spread);
    }

    /**
     * The prior given what no deployment knows: every camera's true heading, view and detection,
     * nothing learned. Not a method: a reference for how much of a miss is the prior's street
     * model (route choice, detection) rather than what is unknown about the cameras.
     */
    private static FollowPlanner oracle(StreetNetwork network, List<TrueCamera> cameras, NextCameraModel model,
            double priorStrength, long skewMillis) {
        CameraMap map = new CameraMap(network, network.plane(), TrackKeys.TRACK_STREET_REACH_METERS.defaultValue());
        Visibility visibility = new Visibility();
        for (TrueCamera c : cameras) {
            map.put(c.id(), c.location(), c.heading(), new CameraMap.Own(
                    new CameraView(c.reachMeters(), c.halfAngleDegrees(), Math.min(c.closeMeters(), c.reachMeters())),
                    c.heading()));
            visibility.restore(c.id(), 1_000_000, c.down() ? 0 : (int) Math.round(c.detection() * 1_000_000));
        }
        return new FollowPlanner(map, model, new TransitionMemory(), new TrackLinks(), visibility, priorStrength,
                skewMillis);
    }

    /** Proposes cameras: ids and seconds of video each, best first. */
    private interface Proposer {
        List<Proposal> propose(Hop hop, Double heading, Set<String> excluded, int limit);
    }

    /** A camera to review from {@code from} to {@code to}, epoch milliseconds. */
    private record Proposal(String cameraId, long from, long to) {
        double seconds() {
            return (to - from) / 1000.0;
        }
    }

    /** A way of proposing cameras, scored on every {@code every}-th hop. */
    private record Way(RecallTally tally, boolean headed, Proposer proposer, int every) {
        Way(RecallTally tally, boolean headed, Proposer proposer) {
            this(tally, headed, proposer, 1);
        }
    }

    /** One hop of a track: from one sighting to the next at another camera. */
    private record Hop(TownTruth.Track track, TravelMode mode, TownTruth.Sighting from, TownTruth.Sighting to) {
    }

    private static List<Hop> hops(TownTruth.Track track) {
        List<Hop> out = new ArrayList<>();
        List<TownTruth.Sighting> s = track.sightings();
        for (int i = 0; i + 1 < s.size(); i++) {
            if (!s.get(i).cameraId().equals(s.get(i + 1).cameraId())) {
                out.add(new Hop(track, track.mode(), s.get(i), s.get(i + 1)));
            }
        }
        return out;
    }

    /**
     * The ground truth's own next cameras from where the subject really was, going the way it
     * really went ({@link TownTruth#continuations}): a ceiling, not a method. Counted once per hop.
     */
    private static Proposer ceiling(TownTruth truth) {
        Random random = new Random(17);
        Map<TownTruth.Sighting, List<String>> ranked = new HashMap<>();
        return (hop, heading, excluded, limit) -> ranked.computeIfAbsent(hop.from, k -> {
            Map<String, Integer> counts = truth.continuations(hop.track, hop.from, CEILING_RUNS, random);
            return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
        }).stream().filter(id -> !excluded.contains(id)).limit(limit)
                .map(id -> new Proposal(id, seen(hop.from), seen(hop.from) + horizon(hop.mode) * 1000L)).toList();
    }

    /** The subject's heading as an investigator reads it off the footage: the true bearing, give or take 20 degrees. */
    private static Double footage(TownTruth.Sighting at, Random noise) {
        return (at.bearing() + noise.nextGaussian() * FOOTAGE_NOISE_DEGREES + 720) % 360;
    }

    private static void score(Way way, Hop hop, Double heading, int naive, int horizon) {
        Double given = way.headed ? heading : null;
        String truth = hop.to.cameraId();
        List<Proposal> first = way.proposer.propose(hop, given, Set.of(), 10);
        int rank = -1;
        for (int r = 0; r < first.size() && rank < 0; r++) {
            rank = first.get(r).cameraId().equals(truth) ? r : -1;
        }
        long seenAt = seen(hop.to);
        boolean windowHolds = rank >= 0 && first.get(rank).from() <= seenAt && seenAt <= first.get(rank).to();
        List<Proposal> round = first.subList(0, Math.min(RecallTally.ROUND, first.size()));
        double seconds = round.stream().mapToDouble(Proposal::seconds).sum();
        int roundCameras = round.size();
        int reviewed = -1;
        Set<String> shown = new HashSet<>();
        for (int r = 0; r < RecallTally.ROUNDS && reviewed < 0 && !round.isEmpty(); r++) {
            for (int i = 0; i < round.size(); i++) {
                if (round.get(i).cameraId().equals(truth)) {
                    reviewed = shown.size() + i + 1;
                }
            }
            round.forEach(p -> shown.add(p.cameraId()));
            if (reviewed < 0) {
                round = way.proposer.propose(hop, given, Set.copyOf(shown), RecallTally.ROUND);
            }
        }
        way.tally.add(rank, windowHolds, reviewed, roundCameras, seconds, naive, (double) naive * horizon);
    }

    private static List<Proposal> counted(CountingBaseline counting, Hop hop, Double heading, Set<String> excluded,
            int limit) {
        int horizon = horizon(hop.mode);
        long at = seen(hop.from);
        return counting.next(hop.from.cameraId(), heading, excluded, limit, hop.mode.fastest() * horizon).stream()
                .map(id -> new Proposal(id, at, at + horizon * 1000L)).toList();
    }

    private static List<Proposal> planned(FollowPlanner planner, Hop hop, Double heading, Set<String> excluded,
            int limit) {
        Instant at = Instant.ofEpochMilli(seen(hop.from));
        FollowPlan plan = planner.plan(new FollowQuery(hop.from.cameraId(), at, hop.mode, horizon(hop.mode), limit,
                heading, excluded, null));
        return plan.candidates().stream().map(c -> new Proposal(c.cameraId(), c.windowFrom().toEpochMilli(),
                c.windowTo().toEpochMilli())).toList();
    }

    /** When a sighting was made, by the clock of the camera that made it. */
    private static long seen(TownTruth.Sighting sighting) {
        return T0.toEpochMilli() + Math.round(sighting.clockSeconds() * 1000);
    }
}
