package org.wardnet.adapters.live;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one picture's RTP packets (H.265, RFC 7798) back into its NAL units: single NAL unit
 * packets, aggregation packets and fragmentation units. Streams sent with a decoding order number
 * ({@code sprop-max-don-diff} above 0) and PACI packets are not understood: their packets are
 * skipped and counted, as are fragments that arrive without their start. Each packet is expected
 * with its 4-byte interleaved header, as the relay hands them to consumers. One instance per
 * consumer (it carries a fragmented unit across packets).
 */
final class H265Pictures {

    private static final int AGGREGATION = 48;
    private static final int FRAGMENT = 49;

    /** One picture's NAL units, each with its two-byte header. */
    record Picture(List<byte[]> nals, long rtpTimestamp) {
    }

    /**
     * The largest NAL unit put back together from fragments. A camera that starts a fragmented
     * unit and never ends it would otherwise grow it without end; an I-frame of a 4K camera is
     * about 1 MB.
     */
    static final int MAX_NAL_BYTES = 4 << 20;

    private ByteArrayOutputStream fragment;
    private long skipped;

    /** The picture in {@code packets} (none of them released here), or null when nothing in it was usable. */
    Picture read(List<ByteBuf> packets) {
        List<byte[]> nals = new ArrayList<>();
        long timestamp = -1;
        for (ByteBuf framed : packets) {
            RtpPayload payload = RtpPayload.of(framed);
            if (payload == null || payload.to() - payload.from() < 2) {
                skipped++;
                continue;
            }
            timestamp = payload.timestamp();
            unpack(payload.rtp(), payload.from(), payload.to(), nals);
        }
        return nals.isEmpty() ? null : new Picture(nals, timestamp);
    }

    /** Bytes of a fragmented unit carried to the next packet (its end not seen yet). */
    int carried() {
        return fragment == null ? 0 : fragment.size();
    }

    /** Packets (or parts of them) skipped as unusable so far. */
    long skipped() {
        return skipped;
    }

    private void unpack(ByteBuf rtp, int at, int end, List<byte[]> nals) {
        int type = (rtp.getUnsignedByte(at) >> 1) & 0x3F;
        if (type < AGGREGATION) {
            nals.add(bytes(rtp, at, end));
        } else if (type == AGGREGATION) {
            for (int i = at + 2; i + 2 <= end; ) {
                int size = rtp.getUnsignedShort(i);
                if (size < 2 || i + 2 + size > end) {
                    skipped++;
                    return;
                }
                nals.add(bytes(rtp, i + 2, i + 2 + size));
                i += 2 + size;
            }
        } else if (type == FRAGMENT && at + 3 <= end) {
            fragmentPart(rtp, at, end, nals);
        } else {
            skipped++;
        }
    }

    private void fragmentPart(ByteBuf rtp, int at, int end, List<byte[]> nals) {
        int fu = rtp.getUnsignedByte(at + 2);
        if ((fu & 0x80) != 0) {
            fragment = new ByteArrayOutputStream();
            // the unit's own header: the payload header with the fragment's type in place of 49
            fragment.write((rtp.getUnsignedByte(at) & 0x81) | ((fu & 0x3F) << 1));
            fragment.write(rtp.getUnsignedByte(at + 1));
        } else if (fragment == null) {
            skipped++; // its start was lost
            return;
        }
        if (fragment.size() + (end - at - 3) > MAX_NAL_BYTES) {
            fragment = null; // never ended, or larger than any camera's picture: dropped, the next start begins anew
            skipped++;
            return;
        }
        byte[] part = bytes(rtp, at + 3, end);
        fragment.write(part, 0, part.length);
        if ((fu & 0x40) != 0) {
            nals.add(fragment.toByteArray());
            fragment = null;
        }
    }

    private static byte[] bytes(ByteBuf buf, int from, int to) {
        byte[] out = new byte[to - from];
        buf.getBytes(from, out);
        return out;
    }
}
