package org.wardnet.core.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Proposes the next cameras after a sighting: the geometric prior of {@link NextCameraModel},
 * blended with the hops learned from confirmed routes, with manual links applied.
 *
 * <p>Windows use the mode's speeds as learned from confirmed routes ({@link TravelSpeeds}; the
 * configured ones until then). Blend: with n learned hops from the origin by any mode (where a street leads does not depend
 * on how one travels it), learned weight w = n / (n + k) where k is the prior strength (hops);
 * score = (1 − w) · prior + w · (hops to that camera / n). With a heading, each hop counts 0.05 to
 * 0.95 of a hop, by how much the heading raises its camera's prior (it lies ahead) or lowers it
 * (behind), in n as well: hops that went the other way say little about this subject. A candidate's window starts at distance / fastest speed
 * and ends at distance / slowest speed (at most the horizon); with m learned hops to the camera by
 * the requested mode, the window moves toward their 5th and 95th percentiles by m / (m + 3). Both
 * ends are widened by the clock-skew margin, and the window is read on the candidate's own clock
 * (moved by its learned offset less the origin's, {@link ClockOffsets}). Cameras excluded (reviewed in vain) are passed: the
 * prior's mass flows on beyond them, and so do the hops learned to them (to where their own
 * learned hops went).
 *
 * <p>Thread-safe as long as its {@link CameraMap} and {@link TransitionMemory} are.
 */
public final class FollowPlanner {

    /** The prior given to a camera only a manual link proposes. */
    private static final double ADDED_LINK_PRIOR = 0.05;

    private final CameraMap map;
    private final NextCameraModel model;
    private final TransitionMemory memory;
    private final TrackLinks links;
    private final Visibility visibility;
    private final double priorStrength;
    private final long skewMillis;
    private final ClockOffsets clocks;
    private final TravelSpeeds speeds;

    public FollowPlanner(CameraMap map, NextCameraModel model, TransitionMemory memory, TrackLinks links,
            double priorStrength, long skewMillis) {
        this(map, model, memory, links, new Visibility(), priorStrength, skewMillis);
    }

    /** As above, with cameras' detection learned from confirmed routes. */
    public FollowPlanner(CameraMap map, NextCameraModel model, TransitionMemory memory, TrackLinks links,
            Visibility visibility, double priorStrength, long skewMillis) {
        this(map, model, memory, links, visibility, priorStrength, skewMillis, RouteFit.NONE);
    }

    /**
     * As above, with what confirmed routes taught of clocks and speeds: a window is read on the
     * candidate's own clock, so it moves by how much further that clock runs ahead of the origin's,
     * and a window no learned hop shapes spans the mode's learned speeds.
     */
    public FollowPlanner(CameraMap map, NextCameraModel model, TransitionMemory memory, TrackLinks links,
            Visibility visibility, double priorStrength, long skewMillis, RouteFit routes) {
        this.clocks = routes.clocks();
        this.speeds = routes.speeds();
        this.visibility = visibility;
        this.map = map;
        this.model = model;
        this.memory = memory;
        this.links = links;
        this.priorStrength = priorStrength;
        this.skewMillis = skewMillis;
    }

    public CameraMap map() {
        return map;
    }

    /** Whether the streets or the learned hops say anything about {@code mode}. */
    public boolean covers(TravelMode mode) {
        return map.network() == null || map.network().carries(mode) || memory.knows(mode);
    }

    /**
     * @throws IllegalArgumentException when the origin camera is not on the map
     */
    public FollowPlan plan(FollowQuery query) {
        return plan(query, cameraId -> true);
    }

    /**
     * As {@link #plan(FollowQuery)}, proposing only cameras {@code proposable} accepts (a caller's
     * scope): the best of those, up to the limit, however deep in the ranking they lie.
     */
    public FollowPlan plan(FollowQuery query, Predicate<String> proposable) {
        CameraMap.Spot origin = map.spot(query.cameraId());
        if (origin == null) {
            throw new IllegalArgumentException("camera " + query.cameraId() + " is not on the track map");
        }
        TravelMode mode = query.mode();
        double reach = query.reachSeconds();
        List<NextCameraModel.Reach> prior = model.explore(map, origin, mode, farthest(mode, reach), query.heading(),
                query.excluded(), visibility);
        // which camera comes next depends on where the streets lead, the same for every mode; only
        // the travel times are the mode's own
        TransitionMemory.Learned own = memory.learned(query.cameraId(), mode);
        TransitionMemory.Hops learned = memory.hopsAnyMode(query.cameraId());
        double learnedTotal = learned.total();
        Map<String, Draft> drafts = new HashMap<>();
        for (NextCameraModel.Reach r : prior) {
            drafts.put(r.cameraId(), new Draft(r.cameraId(), r.probability(), r.distanceMeters()));
        }
        learned.to().forEach((to, hops) -> {
            if (!query.excluded().contains(to) && map.spot(to) != null) {
                Draft d = drafts.computeIfAbsent(to, id -> new Draft(id, 0, straight(origin, id)));
                d.hops = hops;
                d.times = own.to().get(to);
            }
        });
        passOnExcluded(query, origin, learned, drafts);
        for (TrackLink link : links.from(query.cameraId())) {
            if (!link.appliesTo(mode) || query.excluded().contains(link.to()) || map.spot(link.to()) == null) {
                continue;
            }
            if (link.kind() == TrackLink.Kind.FORBID) {
                drafts.remove(link.to());
            } else {
                Draft d = drafts.computeIfAbsent(link.to(), id -> new Draft(id, 0, straight(origin, id)));
                d.prior = Math.max(d.prior, ADDED_LINK_PRIOR);
                if (link.distanceMeters() != null) {
                    d.distance = link.distanceMeters();
                }
            }
        }
        if (query.heading() != null && learned.total() > 0) {
            Map<String, Double> undirected = new HashMap<>();
            for (NextCameraModel.Reach r : model.explore(map, origin, mode, farthest(mode, reach), null,
                    query.excluded(), visibility)) {
                undirected.put(r.cameraId(), r.probability());
            }
            // hops learned from this camera went every way; the subject's heading says which way this one goes
            learnedTotal = 0;
            for (Draft d : drafts.values()) {
                if (d.hops + d.carried > 0) {
                    d.learnedWeight = (d.hops + d.carried) * agreement(d, undirected, origin, query.heading());
                    learnedTotal += d.learnedWeight;
                }
            }
        }
        // hops that went the other way say little about this subject, so they also weigh less against the prior
        double w = learnedTotal / (learnedTotal + priorStrength);
        List<FollowPlan.Candidate> candidates = new ArrayList<>();
        for (Draft d : drafts.values()) {
            FollowPlan.Candidate c = candidate(d, query, learnedTotal, w, reach);
            if (c != null) {
                candidates.add(c);
            }
        }
        candidates.sort(Comparator.comparingDouble(FollowPlan.Candidate::score).reversed()
                .thenComparingDouble(FollowPlan.Candidate::distanceMeters));
        List<FollowPlan.Candidate> top = new ArrayList<>(Math.min(query.limit(), candidates.size()));
        int outside = 0;
        for (int rank = 0; rank < candidates.size() && (top.size() < query.limit() || rank < query.limit()); rank++) {
            FollowPlan.Candidate c = candidates.get(rank);
            if (!proposable.test(c.cameraId())) {
                outside += rank < query.limit() ? 1 : 0;
            } else if (top.size() < query.limit()) {
                top.add(c);
            }
        }
        return new FollowPlan(List.copyOf(top), drafts.size(), 1 - w, learned.total(), outside);
    }

    /**
     * How well hops to a camera agree with the heading, 0.05 to 0.95: how much the heading raises
     * the camera's prior (it lies ahead along the streets) or lowers it (behind); for a camera the
     * prior does not reach, the bearing from the origin to it.
     */
    private double agreement(Draft d, Map<String, Double> undirected, CameraMap.Spot origin, double heading) {
        Double without = undirected.get(d.cameraId);
        if (without == null || without < 1e-6) {
            return lean(origin, map.spot(d.cameraId), heading);
        }
        double ratio = Math.min(1, d.prior / without / 2);
        return 0.05 + 0.9 * ratio;
    }

    /** How much a heading favours going from {@code a} toward {@code b}: 0.05 straight behind to 0.95 ahead. */
    static double lean(CameraMap.Spot a, CameraMap.Spot b, double heading) {
        if (Math.hypot(b.x() - a.x(), b.y() - a.y()) < 1) {
            return 0.5;
        }
        double bearing = Math.toDegrees(Math.atan2(b.x() - a.x(), b.y() - a.y()));
        return 0.5 + 0.45 * Math.cos(Math.toRadians(bearing - heading));
    }

    /** How far a subject may get within the reach: at the faster of the configured and the learned top speed. */
    private double farthest(TravelMode mode, double reach) {
        return Math.max(mode.fastest(), speeds.fastest(mode)) * reach;
    }

    private FollowPlan.Candidate candidate(Draft d, FollowQuery query, double learnedTotal, double w, double reach) {
        TravelMode mode = query.mode();
        int timed = d.times == null ? 0 : d.times.total();
        double share = learnedTotal == 0 ? 0 : (d.learnedWeight >= 0 ? d.learnedWeight : d.hops + d.carried) / learnedTotal;
        double score = (1 - w) * d.prior + w * share;
        double early = d.distance / speeds.fastest(mode);
        double late = Math.min(reach, d.distance / speeds.slowest(mode));
        double expected = d.distance / speeds.typical(mode);
        if (timed > 0) {
            double v = timed / (timed + 3.0);
            early = (1 - v) * early + v * d.times.quantile(0.05);
            late = (1 - v) * late + v * Math.min(reach, d.times.quantile(0.95));
            expected = (1 - v) * expected + v * d.times.quantile(0.5);
        }
        if (early > reach || score <= 0) {
            return null;
        }
        // Whole seconds, widened outward: nobody reviews footage to the millisecond.
        // on the candidate's clock: learned times are true times, the offsets turn them into its readings
        long t = query.time().toEpochMilli()
                + Math.round((clocks.seconds(d.cameraId) - clocks.seconds(query.cameraId())) * 1000);
        return new FollowPlan.Candidate(d.cameraId, score, d.prior, share, d.hops, d.distance,
                Instant.ofEpochSecond(Math.round((t + Math.min(expected, reach) * 1000) / 1000.0)),
                Instant.ofEpochSecond(Math.floorDiv(t + Math.round(early * 1000) - skewMillis, 1000L)),
                Instant.ofEpochSecond(Math.floorDiv(t + Math.round(Math.max(early, late) * 1000) + skewMillis + 999, 1000L)));
    }

    /**
     * Negative evidence in what was learned: the hops that went to a camera reviewed in vain are
     * passed on to where that camera's own confirmed hops went (the subject passed it unseen), in
     * their proportions. One step only: beyond a camera that is itself excluded, they are dropped.
     */
    private void passOnExcluded(FollowQuery query, CameraMap.Spot origin, TransitionMemory.Hops learned,
            Map<String, Draft> drafts) {
        for (String excluded : query.excluded()) {
            Integer via = learned.to().get(excluded);
            if (via == null || via == 0) {
                continue;
            }
            TransitionMemory.Hops beyond = memory.hopsAnyMode(excluded);
            if (beyond.total() == 0) {
                continue;
            }
            beyond.to().forEach((to, hops) -> {
                if (!to.equals(query.cameraId()) && !query.excluded().contains(to) && map.spot(to) != null) {
                    Draft d = drafts.computeIfAbsent(to, id -> new Draft(id, 0, straight(origin, id)));
                    d.carried += via * hops / (double) beyond.total();
                }
            });
        }
    }

    private double straight(CameraMap.Spot origin, String id) {
        CameraMap.Spot to = map.spot(id);
        return Math.hypot(to.x() - origin.x(), to.y() - origin.y()) * model.detour();
    }

    private static final class Draft {
        private final String cameraId;
        private double prior;
        private double distance;
        /** The mode's own travel times to this camera, or null. */
        private TravelTimes times;
        /** Confirmed hops to this camera by any mode. */
        private int hops;
        /** Hops that went to an excluded camera, passed on here (see {@link #passOnExcluded}). */
        private double carried;
        /** Learned hops weighted by the heading; negative when no heading was given. */
        private double learnedWeight = -1;

        Draft(String cameraId, double prior, double distance) {
            this.cameraId = cameraId;
            this.prior = prior;
            this.distance = distance;
        }
    }
}
