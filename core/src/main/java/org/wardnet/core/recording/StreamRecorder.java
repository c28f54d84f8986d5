package org.wardnet.core.recording;

import java.time.Duration;

/**
 * Records one camera's stream into closed, hashed segments until stopped; {@link #run} is the
 * recorder's own thread and returns after {@link #stop}. Reconnects on its own after a failure.
 */
public interface StreamRecorder extends Runnable {

    /** What happened to a recorder, for its owner. Called on the recorder's thread. */
    interface Listener {
        /** A segment was closed and hashed: index it. */
        void segmentClosed(Segment segment);

        /** The stream failed or stalled; the recorder will reconnect after {@code backoff}. */
        default void streamFailed(String cameraId, String reason, Duration backoff) {
        }
    }

    String cameraId();

    /** Stops at the next packet (or at once, when blocked reading): the open segment is closed. */
    void stop();

    /** What it has done and dropped so far. */
    RecorderStats stats();
}
