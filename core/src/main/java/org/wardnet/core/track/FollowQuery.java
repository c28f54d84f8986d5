package org.wardnet.core.track;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A follow question: the subject was last seen at {@code cameraId} at {@code time}, moving by
 * {@code mode}; where can it be seen within {@code horizonSeconds}?
 *
 * @param heading    the subject's compass heading, or null
 * @param excluded   cameras already reviewed without finding it: they are skipped and the search
 *                   continues past them
 * @param searchedUntil for a "lost since" search, the time up to which the proposed cameras were
 *                   reviewed in vain: the horizon is counted from then, so the search widens; null otherwise
 */
public record FollowQuery(String cameraId, Instant time, TravelMode mode, int horizonSeconds, int limit,
        Double heading, Set<String> excluded, Instant searchedUntil) {

    public FollowQuery {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(mode, "mode");
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
    }

    /** Seconds from the sighting to the end of the search. */
    public double reachSeconds() {
        double lost = searchedUntil == null ? 0 : Math.max(0, searchedUntil.getEpochSecond() - time.getEpochSecond());
        return lost + horizonSeconds;
    }
}
