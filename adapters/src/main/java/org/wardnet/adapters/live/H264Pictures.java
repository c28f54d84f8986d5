package org.wardnet.adapters.live;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one picture's RTP packets (H.264, RFC 6184) back into its NAL units: single NAL unit
 * packets, STAP-A aggregates and FU-A fragments. Packets of other kinds (STAP-B, MTAP, FU-B: not
 * sent by cameras in non-interleaved mode) and fragments that arrive without their start are
 * skipped and counted. Each packet is expected with its 4-byte interleaved header, as the relay
 * hands them to consumers. One instance per consumer (it carries an FU-A across packets).
 */
final class H264Pictures {

    /** One picture: its NAL units (parameter sets among them when the camera sent them in-band). */
    record Picture(List<byte[]> nals, long rtpTimestamp, boolean key) {
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
        boolean key = false;
        for (ByteBuf framed : packets) {
            RtpPayload payload = RtpPayload.of(framed);
            if (payload == null) {
                skipped++;
                continue;
            }
            timestamp = payload.timestamp();
            key |= unpack(payload.rtp(), payload.from(), payload.to(), nals);
        }
        return nals.isEmpty() ? null : new Picture(nals, timestamp, key);
    }

    /** Bytes of a fragmented unit carried to the next packet (its end not seen yet). */
    int carried() {
        return fragment == null ? 0 : fragment.size();
    }

    /** Packets skipped as unusable so far. */
    long skipped() {
        return skipped;
    }

    private boolean unpack(ByteBuf rtp, int at, int end, List<byte[]> nals) {
        int header = rtp.getUnsignedByte(at);
        int type = header & 0x1F;
        if (type >= 1 && type <= 23) {
            nals.add(bytes(rtp, at, end));
            return type == 5;
        }
        if (type == 24) { // STAP-A
            boolean key = false;
            for (int i = at + 1; i + 2 <= end; ) {
                int size = rtp.getUnsignedShort(i);
                if (size == 0 || i + 2 + size > end) {
                    skipped++;
                    break;
                }
                nals.add(bytes(rtp, i + 2, i + 2 + size));
                key |= (rtp.getUnsignedByte(i + 2) & 0x1F) == 5;
                i += 2 + size;
            }
            return key;
        }
        if (type == 28 && at + 1 < end) { // FU-A
            int fu = rtp.getUnsignedByte(at + 1);
            if ((fu & 0x80) != 0) {
                fragment = new ByteArrayOutputStream();
                fragment.write((header & 0xE0) | (fu & 0x1F));
            } else if (fragment == null) {
                skipped++; // its start was lost
                return false;
            }
            if (fragment.size() + (end - at - 2) > MAX_NAL_BYTES) {
                fragment = null; // never ended, or larger than any camera's picture: dropped, the next start begins anew
                skipped++;
                return false;
            }
            byte[] part = bytes(rtp, at + 2, end);
            fragment.write(part, 0, part.length);
            if ((fu & 0x40) != 0) {
                nals.add(fragment.toByteArray());
                fragment = null;
                return (fu & 0x1F) == 5;
            }
            return false;
        }
        skipped++;
        return false;
    }

    private static byte[] bytes(ByteBuf buf, int from, int to) {
        byte[] out = new byte[to - from];
        buf.getBytes(from, out);
        return out;
    }
}
