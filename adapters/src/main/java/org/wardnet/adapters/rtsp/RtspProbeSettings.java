package org.wardnet.adapters.rtsp;

/**
 * Bounds of one probe.
 *
 * @param connectTimeoutMillis TCP connect
 * @param requestTimeoutMillis each RTSP request's answer
 * @param mediaTimeoutMillis   PLAY to the first key frame (MEDIA depth)
 * @param maxHeaderBytes       largest header block of an answer
 * @param maxBodyBytes         largest body of an answer (an SDP) and largest interleaved frame
 * @param maxRedirects         redirects followed before REDIRECT_LOOP
 */
public record RtspProbeSettings(int connectTimeoutMillis, int requestTimeoutMillis, int mediaTimeoutMillis,
        int maxHeaderBytes, int maxBodyBytes, int maxRedirects) {

    /** Sensible for cameras on a LAN. */
    public static final RtspProbeSettings DEFAULTS = new RtspProbeSettings(3_000, 5_000, 10_000, 8_192, 65_536, 3);
}
