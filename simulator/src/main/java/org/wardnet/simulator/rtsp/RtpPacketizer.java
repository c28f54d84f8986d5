package org.wardnet.simulator.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * Packs a frame's NAL units into RTP packets as RFC 6184 says (packetization-mode 1): a NAL unit
 * that fits is sent whole, a larger one in FU-A fragments; the marker bit ends the frame. Each
 * packet comes framed for TCP interleaving ({@code $}, channel, length). One per session.
 */
final class RtpPacketizer {

    static final int MAX_PAYLOAD = 1400;
    private static final int PAYLOAD_TYPE = 96;

    private final int ssrc;
    private int sequence;

    RtpPacketizer(int ssrc, int firstSequence) {
        this.ssrc = ssrc;
        this.sequence = firstSequence;
    }

    /** Writes the frame's packets, interleaved on {@code channel}, into one buffer. */
    ByteBuf frame(ByteBufAllocator alloc, List<byte[]> nals, long timestamp, int channel) {
        ByteBuf out = alloc.buffer();
        for (int n = 0; n < nals.size(); n++) {
            byte[] nal = nals.get(n);
            boolean lastNal = n == nals.size() - 1;
            if (nal.length <= MAX_PAYLOAD) {
                packet(out, channel, timestamp, lastNal, nal, 0, nal.length, -1, -1);
                continue;
            }
            int indicator = (nal[0] & 0xE0) | 28;
            int type = nal[0] & 0x1F;
            for (int offset = 1; offset < nal.length; offset += MAX_PAYLOAD) {
                int length = Math.min(MAX_PAYLOAD, nal.length - offset);
                boolean first = offset == 1;
                boolean last = offset + length >= nal.length;
                int header = (first ? 0x80 : 0) | (last ? 0x40 : 0) | type;
                packet(out, channel, timestamp, lastNal && last, nal, offset, length, indicator, header);
            }
        }
        return out;
    }

    private void packet(ByteBuf out, int channel, long timestamp, boolean marker, byte[] data, int offset, int length,
            int fuIndicator, int fuHeader) {
        int payload = length + (fuIndicator < 0 ? 0 : 2);
        out.writeByte('$').writeByte(channel).writeShort(12 + payload);
        out.writeByte(0x80).writeByte((marker ? 0x80 : 0) | PAYLOAD_TYPE).writeShort(sequence++ & 0xFFFF)
                .writeInt((int) timestamp).writeInt(ssrc);
        if (fuIndicator >= 0) {
            out.writeByte(fuIndicator).writeByte(fuHeader);
        }
        out.writeBytes(data, offset, length);
    }
}
