package org.wardnet.config;

import java.util.List;

/**
 * Track-following's keys ({@code track.*}): the planner's prior, what it learns from confirmed
 * routes and when, and the limits of a follow request. Part of {@link WardnetKeys#ALL}.
 */
public final class TrackKeys {

    /** Share of passers-by a camera sees, in percent. */
    public static final ConfigKey<Integer> TRACK_DETECTION_PERCENT = new ConfigKey<>("track.detectionPercent",
            ValueType.integer(1, 100), 75,
            "How often a camera watching a street sees a subject passing it, in percent: the planner's prior lets"
                    + " the rest flow on to the cameras beyond.");

    /** Street distance over straight-line distance without a street network. */
    public static final ConfigKey<Integer> TRACK_DETOUR_PERCENT = new ConfigKey<>("track.detourPercent",
            ValueType.integer(100, 300), 130,
            "Without a street network (or off it), travel distance is the straight line times this, in percent.");

    /** How far from a street a camera may be and still watch it. */
    public static final ConfigKey<Integer> TRACK_STREET_REACH_METERS = new ConfigKey<>("track.streetReachMeters",
            ValueType.integer(1, 200), 25,
            "A camera within this many metres of a street watches it (one near a crossing watches every street"
                    + " within reach); farther cameras are only proposed by learned hops or manual links.");

    /** Weight of the prior, in hops. */
    public static final ConfigKey<Integer> TRACK_PRIOR_STRENGTH = new ConfigKey<>("track.priorStrength",
            ValueType.integer(1, 10_000), 2,
            "How many confirmed hops from a camera weigh as much as the geometric prior: with n hops learned (by any"
                    + " mode), the learned share of a score is n / (n + this). The default was chosen on generated grid"
                    + " towns only (bench/README.md, track).");

    /** Confirmed hops between fits of the camera view. */
    public static final ConfigKey<Integer> TRACK_VIEW_FIT_HOPS = new ConfigKey<>("track.viewFitHops",
            ValueType.integer(0, 10_000_000), 1_000,
            "How far and how wide the cameras see is fitted to the confirmed routes in the background once this many"
                    + " hops have been confirmed since the last fit (and at least this many in all); 0 never fits and"
                    + " keeps the default view (25 m, 75 degrees either side).");

    /** Confirmed hops into a camera before it gets a view of its own. */
    public static final ConfigKey<Integer> TRACK_OWN_VIEW_HOPS = new ConfigKey<>("track.ownViewHops",
            ValueType.integer(1, 1_000_000), 10,
            "With each view fit, a camera that at least this many confirmed hops reached gets a reach, half angle"
                    + " and heading of its own when they explain its hops clearly better than the district's view.");

    /** Clock-skew margin on both ends of a window. */
    public static final ConfigKey<Integer> TRACK_CLOCK_SKEW_SECONDS = new ConfigKey<>("track.clockSkewSeconds",
            ValueType.integer(0, 3_600), 60,
            "Added to both ends of every proposed window: two cameras whose clocks are each 30 s off disagree by"
                    + " up to 60 s.");

    /** Longest follow horizon. */
    public static final ConfigKey<Integer> TRACK_MAX_HORIZON_SECONDS = new ConfigKey<>("track.maxHorizonSeconds",
            ValueType.integer(10, 86_400), 3_600,
            "Largest horizonSeconds a follow request may ask for (a lost-since search adds the time searched).");

    /** Most candidates per follow answer. */
    public static final ConfigKey<Integer> TRACK_MAX_CANDIDATES = new ConfigKey<>("track.maxCandidates",
            ValueType.integer(1, 500), 50,
            "Largest limit a follow request may ask for.");

    /** Clips listed per candidate. */
    public static final ConfigKey<Integer> TRACK_CLIPS_PER_CANDIDATE = new ConfigKey<>("track.clipsPerCandidate",
            ValueType.integer(1, 1_000), 20,
            "Most clips listed for each candidate camera's window.");

    static final List<ConfigKey<?>> ALL = List.of(TRACK_DETECTION_PERCENT, TRACK_DETOUR_PERCENT,
            TRACK_STREET_REACH_METERS, TRACK_PRIOR_STRENGTH, TRACK_VIEW_FIT_HOPS, TRACK_OWN_VIEW_HOPS,
            TRACK_CLOCK_SKEW_SECONDS, TRACK_MAX_HORIZON_SECONDS, TRACK_MAX_CANDIDATES, TRACK_CLIPS_PER_CANDIDATE);

    private TrackKeys() {
    }
}
