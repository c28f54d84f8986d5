package org.wardnet.adapters.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One RTP or RTCP packet carried on the RTSP connection ({@code $}, channel, 16-bit length,
 * RFC 2326 10.12). The receiver releases it.
 */
public final class InterleavedFrame extends DefaultByteBufHolder {

    private final int channel;

    InterleavedFrame(int channel, ByteBuf packet) {
        super(packet);
        this.channel = channel;
    }

    public int channel() {
        return channel;
    }
}
