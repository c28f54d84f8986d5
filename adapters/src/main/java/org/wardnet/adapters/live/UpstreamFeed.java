package org.wardnet.adapters.live;

import io.netty.channel.EventLoop;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.adapters.rtsp.RtspPull;

/**
 * Where an upstream's RTP comes from: a camera's RTSP stream, or a transcoder fed by another
 * upstream. A feed is started again after it ended while consumers wait (the upstream's retry).
 */
interface UpstreamFeed {

    /**
     * Starts feeding {@code listener}; every call on it is made on {@code loop}.
     *
     * @return what stops the feed (no listener call follows it)
     */
    Runnable start(EventLoop loop, RtspPull.Listener listener);

    /** The camera's own stream, pulled over RTSP. */
    static UpstreamFeed camera(LiveSource source, RtspProbeSettings settings) {
        return (loop, listener) -> RtspPull.start(loop, settings, source.url(), source.username(), source.password(),
                listener)::close;
    }
}
