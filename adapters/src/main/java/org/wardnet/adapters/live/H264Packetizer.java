package org.wardnet.adapters.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Packs encoded H.264 pictures into RTP (RFC 6184, packetization mode 1): a NAL unit that fits in
 * {@link #MAX_PAYLOAD} bytes goes alone, a longer one in FU-A fragments; the marker bit is set on
 * the picture's last packet. One instance per stream (it numbers the packets); not thread-safe.
 */
final class H264Packetizer {

    /** Leaves room for IP, TCP and interleaved headers inside a 1500-byte Ethernet frame. */
    static final int MAX_PAYLOAD = 1_400;
    static final int PAYLOAD_TYPE = 96;

    private final int ssrc = ThreadLocalRandom.current().nextInt();
    private int sequence = ThreadLocalRandom.current().nextInt(0x10000);

    /**
     * The RTP packets of one picture; the caller releases them.
     *
     * @param nals         the picture's NAL units, without start codes
     * @param rtpTimestamp its time on the 90 kHz clock
     */
    List<ByteBuf> packets(List<byte[]> nals, long rtpTimestamp) {
        List<ByteBuf> out = new ArrayList<>();
        for (int n = 0; n < nals.size(); n++) {
            byte[] nal = nals.get(n);
            boolean lastNal = n == nals.size() - 1;
            if (nal.length <= MAX_PAYLOAD) {
                ByteBuf packet = header(lastNal, rtpTimestamp, nal.length);
                out.add(packet.writeBytes(nal));
                continue;
            }
            int indicator = (nal[0] & 0xE0) | 28;
            int type = nal[0] & 0x1F;
            for (int at = 1; at < nal.length; at += MAX_PAYLOAD - 2) {
                int length = Math.min(MAX_PAYLOAD - 2, nal.length - at);
                boolean first = at == 1;
                boolean last = at + length == nal.length;
                ByteBuf packet = header(lastNal && last, rtpTimestamp, length + 2);
                packet.writeByte(indicator).writeByte((first ? 0x80 : 0) | (last ? 0x40 : 0) | type);
                out.add(packet.writeBytes(nal, at, length));
            }
        }
        return out;
    }

    private ByteBuf header(boolean marker, long rtpTimestamp, int payloadLength) {
        ByteBuf packet = ByteBufAllocator.DEFAULT.buffer(12 + payloadLength);
        packet.writeByte(0x80).writeByte((marker ? 0x80 : 0) | PAYLOAD_TYPE);
        packet.writeShort(sequence);
        sequence = (sequence + 1) & 0xFFFF;
        return packet.writeInt((int) rtpTimestamp).writeInt(ssrc);
    }

    /** The NAL units of an Annex B byte stream (start codes of three or four bytes). */
    static List<byte[]> split(byte[] annexB, int length) {
        List<byte[]> nals = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < length) {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1) {
                if (start >= 0) {
                    nals.add(copy(annexB, start, trimZeros(annexB, start, i)));
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0 && start < length) {
            nals.add(copy(annexB, start, length));
        }
        return nals;
    }

    /** The end of a unit followed by a start code: a four-byte code's leading zero is not the unit's. */
    private static int trimZeros(byte[] bytes, int start, int end) {
        while (end > start && bytes[end - 1] == 0) {
            end--;
        }
        return end;
    }

    private static byte[] copy(byte[] bytes, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(bytes, from, out, 0, out.length);
        return out;
    }
}
