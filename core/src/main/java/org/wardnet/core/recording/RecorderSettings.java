package org.wardnet.core.recording;

import java.time.Duration;

/**
 * How a camera is recorded.
 *
 * @param segment         target segment length; a segment is cut at the first key frame after it
 * @param ioTimeout       no data for this long is a stalled stream: the connection is restarted
 * @param firstBackoff    wait before the first reconnection; doubled after each failure
 * @param maxBackoff      longest wait between reconnections
 * @param keyFrameTimeout no key frame for this long (stream time) closes the segment and restarts
 *                        the session: a new session makes cameras send one, and a segment cannot
 *                        be cut without one
 */
public record RecorderSettings(Duration segment, Duration ioTimeout, Duration firstBackoff, Duration maxBackoff,
        Duration keyFrameTimeout) {

    public RecorderSettings {
        if (segment.isNegative() || segment.isZero() || ioTimeout.isZero() || firstBackoff.isNegative()
                || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("recorder durations must be positive, max backoff at least the first");
        }
    }

    /** Without a key frame timeout of its own: one minute. */
    public RecorderSettings(Duration segment, Duration ioTimeout, Duration firstBackoff, Duration maxBackoff) {
        this(segment, ioTimeout, firstBackoff, maxBackoff, Duration.ofSeconds(60));
    }

    /** 60 s segments, 10 s stall timeout, reconnections after 1 s up to 30 s, key frames within 60 s. */
    public static RecorderSettings defaults() {
        return new RecorderSettings(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(60));
    }
}
