package org.wardnet.core.clips;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What retention needs of the clip index: clips oldest first, their sizes per camera, holds, and
 * deletion. Kept apart from {@link ClipIndex}, which serves queries.
 */
public interface ClipRetentionStore {

    /** The first hour (since the epoch) at or after {@code fromHour} in which a clip starts; empty when none. */
    OptionalInt firstHour(int fromHour);

    /** Every clip that starts in one hour, by start. */
    List<Clip> startingIn(int hour);

    /** Bytes of RECORDED clips per camera. */
    Map<String, Long> recordedBytesByCamera();

    /** Which of the ids have a hold. */
    Set<Long> held(List<Long> ids);

    /** Places (or replaces) a hold on a clip. */
    void hold(long clipId, String reason, Instant at);

    /** Releases a hold; true when there was one. */
    boolean release(long clipId);

    /** The hold's reason, if the clip has one. */
    Optional<String> holdOf(long clipId);

    /** Deletes the rows of these clips (their holds must have been checked). */
    void delete(List<Long> ids);

    /**
     * How many hours the store removes together (aligned: parts start at multiples of it): a day
     * where the clip table is partitioned by day, 1 where rows are deleted one by one.
     */
    default int hoursPerPart() {
        return 1;
    }

    /**
     * Deletes every local RECORDED clip without a hold that starts in hours [{@code first},
     * {@code last}]; answers how many. The caller has found each of them past retention and
     * removed its media. A run covering whole {@linkplain #hoursPerPart parts} lets the store drop
     * them at once; clips of other origins, of child nodes or under a hold stay.
     */
    long deleteHours(int first, int last);
}
