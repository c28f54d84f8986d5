package org.wardnet.core.recording;

/**
 * What a recorder has done so far. Packets are dropped, never passed on, when they come before the
 * first key frame, lack a timestamp, or do not advance the decoding time.
 *
 * @param keyFrameTimeouts sessions restarted because no key frame came in time
 */
public record RecorderStats(long packets, long droppedBeforeKeyFrame, long droppedWithoutTimestamp,
        long droppedNonIncreasing, long segments, long reconnects, long stalls, long keyFrameTimeouts) {
}
