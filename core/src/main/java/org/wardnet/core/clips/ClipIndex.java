package org.wardnet.core.clips;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The clip index port: one row per clip, ordered per camera by start. Implementations keep the
 * longest clip's duration so that "clips overlapping [from, to)" is a bounded range seek on
 * (camera, start) rather than a scan of the camera's history.
 */
public interface ClipIndex {

    /**
     * Adds clips in one transaction; returns their ids in order. Clips must be valid. Callers that
     * need no atomicity over a large set should pass about 1,000 clips at a time: measured on the
     * embedded store, 10,000-clip transactions ingest at little more than half the rate, because
     * an open transaction that large is written out before it commits.
     */
    List<Long> add(List<Clip> clips);

    Optional<Clip> get(long id);

    /**
     * Clips of one camera overlapping [from, to), by start then id, after the cursor.
     *
     * @param after the last (start, id) of the previous page; null for the first page
     */
    List<Clip> overlapping(String cameraId, Instant from, Instant to, Cursor after, int limit);

    /**
     * Which of {@code cameraIds} have footage overlapping [from, to), in the given order: one
     * bounded seek per camera (one {@code IN (...)} over many cameras makes some engines scan whole
     * histories).
     */
    List<String> withFootage(List<String> cameraIds, Instant from, Instant to);

    /** Position in a camera's clips: a page ends at this (start, id). */
    record Cursor(long startMillis, long id) {
    }
}
