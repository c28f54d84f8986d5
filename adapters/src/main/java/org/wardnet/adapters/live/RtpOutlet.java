package org.wardnet.adapters.live;

import io.netty.channel.ChannelOutboundHandlerAdapter;

/**
 * Marks where a viewer's interleaved RTP enters its connection's pipeline: below the RTSP encoder,
 * which has nothing to do with media and would otherwise look at every picture on its way out.
 */
final class RtpOutlet extends ChannelOutboundHandlerAdapter {

    @Override
    public boolean isSharable() {
        return false;
    }
}
