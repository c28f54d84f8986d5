package org.wardnet.app.track;

import java.time.Duration;
import org.wardnet.app.registry.ScopedRegistry;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.registry.Validated;
import org.wardnet.core.track.CorridorDraft;
import org.wardnet.core.track.CorridorQuery;
import org.wardnet.core.track.FollowDraft;
import org.wardnet.core.track.FollowQuery;

/**
 * Track-following as an investigator asks for it: the next cameras after a sighting, and the
 * cameras along a route through waypoints, each checked and planned within the caller's scope.
 * Planning reads the clip index: blocking.
 *
 * <p>Limits: track.maxHorizonSeconds and track.maxCandidates bound a follow; a corridor lists at
 * most {@value #CORRIDOR_LIMIT} cameras over a departure window of at most a day.
 */
public final class Following {

    /** Most cameras in one corridor answer. */
    public static final int CORRIDOR_LIMIT = 2_000;

    private final TrackService track;
    private final ScopedRegistry registry;
    private final int maxHorizon;
    private final int maxCandidates;

    public Following(TrackService track, ScopedRegistry registry, int maxHorizon, int maxCandidates) {
        this.track = track;
        this.registry = registry;
        this.maxHorizon = maxHorizon;
        this.maxCandidates = maxCandidates;
    }

    /**
     * Checks a follow request: its fields, its cameras in the caller's scope, and that the streets
     * or learned routes carry its mode.
     *
     * @throws DomainException INVALID (fields), NOT_FOUND (a camera outside the scope),
     *                         UNPROCESSABLE (mode-not-covered)
     */
    public FollowQuery check(Caller caller, FollowDraft draft) {
        Validated<FollowQuery> checked = draft.validate(maxHorizon, maxCandidates, track::knows);
        if (!checked.isValid()) {
            throw DomainException.invalidInput("the follow request", checked.errors());
        }
        FollowQuery query = checked.value();
        registry.camera(caller, query.cameraId());
        for (String excluded : query.excluded()) {
            registry.camera(caller, excluded);
        }
        if (!track.covers(query.mode())) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "mode-not-covered", "Mode not covered",
                    "no street of the network allows " + query.mode() + " and no confirmed route by " + query.mode()
                            + " has been learned; choose another mode or import streets that carry it");
        }
        return query;
    }

    /**
     * The next cameras within the caller's scope, each with the clips in its window.
     *
     * @throws DomainException UNPROCESSABLE (no-footage) when none of the proposed cameras has footage
     *                         in its window; its {@code candidates} attribute lists them
     */
    public FollowAnswer follow(Caller caller, FollowQuery query) {
        FollowAnswer answer = track.follow(caller, query);
        boolean anyFootage = answer.proposals().stream().anyMatch(p -> !p.clips().isEmpty());
        if (!answer.proposals().isEmpty() && !anyFootage) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "no-footage", "No footage",
                    "none of the " + answer.proposals().size() + " proposed cameras has footage in its window after "
                            + query.time() + "; check the time, or ingest the edge recorders' clips first")
                    .with("candidates", answer.proposals().stream().map(p -> p.candidate().cameraId()).toList());
        }
        return answer;
    }

    /** @throws DomainException INVALID naming every field of the request that does not pass */
    public CorridorQuery check(CorridorDraft draft) {
        Validated<CorridorQuery> checked = draft.validate(CORRIDOR_LIMIT, Duration.ofHours(24));
        if (!checked.isValid()) {
            throw DomainException.invalidInput("the corridor request", checked.errors());
        }
        return checked.value();
    }

    /** The caller's cameras along the route, each with its window and clips. */
    public CorridorAnswer corridor(Caller caller, CorridorQuery corridor) {
        return track.corridor(caller, corridor.waypoints(), corridor.from(), corridor.to(), corridor.mode(),
                corridor.buffer(), corridor.limit());
    }
}
