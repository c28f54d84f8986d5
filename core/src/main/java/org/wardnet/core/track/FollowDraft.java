package org.wardnet.core.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.IsoTime;
import org.wardnet.core.registry.Validated;

/**
 * A follow request as a client sends it. {@link #validate} names every problem at once; an
 * unknown origin camera is left to the caller (it answers 404, not 400).
 *
 * @param searchedUntil for a "lost since" search: reviewed until then without finding the subject
 */
public record FollowDraft(String cameraId, String time, String mode, Integer horizonSeconds, Integer limit,
        Double heading, List<String> excludeCameraIds, String searchedUntil) {

    /**
     * @param maxHorizon  the largest horizon allowed, seconds
     * @param maxLimit    the largest limit allowed
     * @param cameraKnown whether an excluded id names a camera on the map
     */
    public Validated<FollowQuery> validate(int maxHorizon, int maxLimit, Predicate<String> cameraKnown) {
        List<FieldError> errors = new ArrayList<>();
        if (cameraId == null || cameraId.isBlank()) {
            errors.add(new FieldError("cameraId", "required"));
        }
        Instant at = IsoTime.required(errors, "time", time);
        TravelMode travel = TravelMode.parse(mode);
        if (mode == null) {
            errors.add(new FieldError("mode", "required: WALK, BIKE or CAR"));
        } else if (travel == null) {
            errors.add(new FieldError("mode", "must be WALK, BIKE or CAR, got '" + mode + "'"));
        }
        int horizon = horizonSeconds == null ? Math.min(300, maxHorizon) : horizonSeconds;
        if (horizon < 1 || horizon > maxHorizon) {
            errors.add(new FieldError("horizonSeconds", "must be 1 to " + maxHorizon + " (track.maxHorizonSeconds)"));
        }
        int count = limit == null ? Math.min(10, maxLimit) : limit;
        if (count < 1 || count > maxLimit) {
            errors.add(new FieldError("limit", "must be 1 to " + maxLimit + " (track.maxCandidates)"));
        }
        if (heading != null && !(heading >= 0 && heading < 360)) {
            errors.add(new FieldError("heading", "degrees clockwise from north, 0 to under 360"));
        }
        LinkedHashSet<String> excluded = new LinkedHashSet<>();
        if (excludeCameraIds != null) {
            if (excludeCameraIds.size() > 10_000) {
                errors.add(new FieldError("excludeCameraIds", "at most 10000 ids"));
            } else {
                for (String id : excludeCameraIds) {
                    if (id == null || !cameraKnown.test(id)) {
                        errors.add(new FieldError("excludeCameraIds", "no camera '" + id + "' is on the track map"));
                        break;
                    }
                    excluded.add(id);
                }
            }
        }
        Instant until = IsoTime.optional(errors, "searchedUntil", searchedUntil);
        if (until != null && at != null) {
            if (until.isBefore(at)) {
                errors.add(new FieldError("searchedUntil", "must not be before time"));
            } else if (until.getEpochSecond() - at.getEpochSecond() + horizon > maxHorizon) {
                errors.add(new FieldError("searchedUntil", "the search would reach over " + maxHorizon
                        + " s after time (track.maxHorizonSeconds)"));
            }
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        return Validated.valid(new FollowQuery(cameraId, at, travel, horizon, count, heading, excluded, until));
    }
}
