package org.wardnet.adapters.recording;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a recorder did and dropped, for metrics and tests. Packets are dropped, never passed on,
 * when they come before the first key frame, lack a timestamp, or do not advance the decoding
 * time (the RTSP pitfalls every camera fleet has). Thread-safe.
 */
public final class RecorderCounters {

    final AtomicLong packets = new AtomicLong();
    final AtomicLong beforeKeyFrame = new AtomicLong();
    final AtomicLong noTimestamp = new AtomicLong();
    final AtomicLong nonIncreasing = new AtomicLong();
    final AtomicLong segments = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong stalls = new AtomicLong();
    final AtomicLong keyFrameTimeouts = new AtomicLong();

    /** Counts a packet dropped under {@code rule}. */
    void dropped(PacketRule rule) {
        switch (rule) {
            case NO_TIMESTAMP -> noTimestamp.incrementAndGet();
            case BEFORE_KEY_FRAME -> beforeKeyFrame.incrementAndGet();
            case NOT_INCREASING -> nonIncreasing.incrementAndGet();
            case KEEP -> throw new IllegalArgumentException("a kept packet is not dropped");
        }
    }

    public long packets() {
        return packets.get();
    }

    public long droppedBeforeKeyFrame() {
        return beforeKeyFrame.get();
    }

    public long droppedWithoutTimestamp() {
        return noTimestamp.get();
    }

    public long droppedNonIncreasing() {
        return nonIncreasing.get();
    }

    public long segments() {
        return segments.get();
    }

    public long reconnects() {
        return reconnects.get();
    }

    public long stalls() {
        return stalls.get();
    }

    /** Sessions restarted because no key frame came within the key frame timeout. */
    public long keyFrameTimeouts() {
        return keyFrameTimeouts.get();
    }
}
