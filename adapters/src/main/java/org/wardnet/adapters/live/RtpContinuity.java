package org.wardnet.adapters.live;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps one relayed stream's RTP continuous for its consumers across upstream reconnects: every
 * packet goes out with the relay's own SSRC, and after a reconnect sequence numbers continue from
 * the last one sent while timestamps advance by the wall-clock time of the gap, so a consumer
 * sees one stream with a hole in time (which a recording shows as the gap it was), not a new
 * stream. Confined to the upstream's event loop.
 */
final class RtpContinuity {

    private final int ssrc = ThreadLocalRandom.current().nextInt();
    private final int clockRate;
    private boolean sent;
    private boolean fresh = true;
    private int seqDelta;
    private long tsDelta;
    private int lastSeq;
    private long lastTimestamp;
    private long lastNanos;

    RtpContinuity(int clockRate) {
        this.clockRate = clockRate;
    }

    /** The next packet comes from a new connection to the camera (new SSRC, sequence and clock). */
    void newSource() {
        fresh = true;
    }

    /** Rewrites the RTP header at {@code at} in {@code packet}: sequence, timestamp and SSRC. */
    void rewrite(ByteBuf packet, int at, long nowNanos) {
        int seq = packet.getUnsignedShort(at + 2);
        long timestamp = packet.getUnsignedInt(at + 4);
        if (fresh) {
            if (sent) {
                long gapTicks = Math.max(1, (nowNanos - lastNanos) / 1_000L * clockRate / 1_000_000L);
                seqDelta = (lastSeq + 1 - seq) & 0xFFFF;
                tsDelta = (lastTimestamp + gapTicks - timestamp) & 0xFFFFFFFFL;
            }
            fresh = false;
            sent = true;
        }
        lastSeq = (seq + seqDelta) & 0xFFFF;
        lastTimestamp = (timestamp + tsDelta) & 0xFFFFFFFFL;
        lastNanos = nowNanos;
        packet.setShort(at + 2, lastSeq);
        packet.setInt(at + 4, (int) lastTimestamp);
        packet.setInt(at + 8, ssrc);
    }
}
