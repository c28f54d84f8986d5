package org.wardnet.adapters.live;

import io.netty.buffer.ByteBuf;
import org.wardnet.adapters.rtsp.KeyFrames;

/**
 * Where an RTP packet's payload lies, past the header's CSRCs and extension and before any padding.
 *
 * @param rtp  the packet without its interleaved header (a slice: nothing to release)
 * @param from the payload's first byte in {@code rtp}
 * @param to   one past its last byte
 */
record RtpPayload(ByteBuf rtp, int from, int to) {

    /** The payload of a packet framed as the relay hands it (interleaved header first), or null when it has none. */
    static RtpPayload of(ByteBuf framed) {
        ByteBuf rtp = framed.slice(framed.readerIndex() + 4, framed.readableBytes() - 4);
        int from = KeyFrames.payloadOffset(rtp);
        if (from < 0) {
            return null;
        }
        int to = rtp.writerIndex();
        if ((rtp.getUnsignedByte(0) & 0x20) != 0) { // padding: its length is the last byte
            to -= rtp.getUnsignedByte(to - 1);
        }
        return from < to ? new RtpPayload(rtp, from, to) : null;
    }

    long timestamp() {
        return rtp.getUnsignedInt(4);
    }
}
