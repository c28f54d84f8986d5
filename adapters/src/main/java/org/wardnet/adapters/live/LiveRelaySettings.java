package org.wardnet.adapters.live;

import org.wardnet.adapters.rtsp.RtspProbeSettings;

/**
 * Bounds of the live relay.
 *
 * @param pull                    connect and request timeouts of the camera side; its media timeout
 *                                is how long without RTP counts as the stream lost
 * @param lingerMillis            how long an upstream stays open after its last consumer left
 * @param maxUpstreams            camera streams pulled at once; one more is refused (503)
 * @param maxConsumersPerUpstream consumers of one stream; one more is refused (503)
 * @param maxGopBytes             the packets since the last key frame kept for consumers that join
 *                                (they start at that key frame); a longer group is not kept
 * @param slowConsumerMillis      a consumer whose connection takes nothing for this long is disconnected
 *                                (before that, frames it cannot take are dropped)
 * @param retryMinMillis          first wait before reconnecting a lost upstream, doubled each failure
 * @param retryMaxMillis          longest wait between reconnects
 */
public record LiveRelaySettings(RtspProbeSettings pull, long lingerMillis, int maxUpstreams,
        int maxConsumersPerUpstream, int maxGopBytes, long slowConsumerMillis, long retryMinMillis,
        long retryMaxMillis) {

    public LiveRelaySettings {
        if (lingerMillis < 0 || maxUpstreams < 1 || maxConsumersPerUpstream < 1 || maxGopBytes < 0
                || slowConsumerMillis < 1 || retryMinMillis < 1 || retryMaxMillis < retryMinMillis) {
            throw new IllegalArgumentException("invalid live relay settings: " + this);
        }
    }
}
