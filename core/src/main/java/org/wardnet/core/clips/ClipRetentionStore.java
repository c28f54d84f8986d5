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
}
