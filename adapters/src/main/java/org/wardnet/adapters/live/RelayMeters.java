package org.wardnet.adapters.live;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the relay counts, for ops: pictures fanned out, pictures dropped for slow consumers (and
 * by a transcoder that cannot keep up),
 * consumers disconnected as too slow, malformed packets from cameras, bytes sent, and the time
 * the relay adds to a picture (from its first packet's arrival to its write reaching an RTSP
 * viewer's socket) as a histogram with bounds in microseconds, sampled: one picture in eight of
 * each viewer.
 */
public final class RelayMeters {

    /** Upper bounds of the latency buckets, microseconds; the last bucket is everything above. */
    public static final long[] LATENCY_BOUNDS_MICROS = {100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000,
        100_000, 250_000, 1_000_000};

    final LongAdder pictures = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder slowDisconnects = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    private final AtomicLongArray latency = new AtomicLongArray(LATENCY_BOUNDS_MICROS.length + 1);

    void latency(long nanos) {
        long micros = nanos / 1_000;
        int bucket = 0;
        while (bucket < LATENCY_BOUNDS_MICROS.length && micros > LATENCY_BOUNDS_MICROS[bucket]) {
            bucket++;
        }
        latency.incrementAndGet(bucket);
    }

    public long pictures() {
        return pictures.sum();
    }

    public long dropped() {
        return dropped.sum();
    }

    public long slowDisconnects() {
        return slowDisconnects.sum();
    }

    public long malformed() {
        return malformed.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    /** Counts per latency bucket (see {@link #LATENCY_BOUNDS_MICROS}), a copy. */
    public long[] latencyCounts() {
        long[] counts = new long[latency.length()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = latency.get(i);
        }
        return counts;
    }
}
