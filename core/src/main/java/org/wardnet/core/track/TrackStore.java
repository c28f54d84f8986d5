package org.wardnet.core.track;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The durable side of track-following: the street network, manual links and learned travel times. */
public interface TrackStore {

    /** Replaces the whole street network. */
    void replaceStreets(List<StreetSegment> segments);

    List<StreetSegment> streets();

    /** Stores a link and returns it with its id. */
    TrackLink addLink(TrackLink link);

    boolean deleteLink(long id);

    List<TrackLink> links();

    /** Stores the current histograms of the given pairs (from, to, mode). */
    void saveTransitions(List<Transition> transitions);

    /** Every learned pair. */
    List<Transition> transitions();

    /** Stores the given cameras' learned visibility, [passes, seen] each. */
    void saveVisibility(Map<String, int[]> counts);

    /** Every camera's learned visibility, [passes, seen] by camera id. */
    Map<String, int[]> visibility();

    /** Stores the camera views fitted to confirmed routes, the district's and the cameras' own, replacing the previous ones. */
    void saveView(FittedView view);

    /** The stored fitted view, if one was ever fitted. */
    Optional<FittedView> view();

    /**
     * Camera views fitted to confirmed routes.
     *
     * @param view          the district's: how every camera without a view of its own is taken to see
     * @param hops          confirmed hops it was fitted to
     * @param logLikelihood mean log-likelihood per hop under it
     * @param cameras       the cameras' own views, by camera id
     */
    record FittedView(CameraView view, int hops, double logLikelihood, Instant fittedAt,
            Map<String, OwnViewFit.OwnView> cameras) {
        public FittedView {
            cameras = Map.copyOf(cameras);
        }

        /** A district view alone, no camera with a view of its own. */
        public FittedView(CameraView view, int hops, double logLikelihood, Instant fittedAt) {
            this(view, hops, logLikelihood, fittedAt, Map.of());
        }
    }

    /** One learned pair. */
    record Transition(String from, String to, TravelMode mode, TravelTimes times) {
    }
}
