package org.wardnet.core.health;

/**
 * Why a probe of a camera failed, coarse enough to count and alarm on, precise enough to act on.
 * Connection-level classes ({@link #isConnectionError()}) are the ones that, when every camera of
 * a site shows them together, point at the site's link rather than at the cameras.
 */
public enum ProbeErrorClass {
    /** Nothing listens at the address (connection refused). */
    REFUSED(true),
    /** The TCP connection was not established in time. */
    CONNECT_TIMEOUT(true),
    /** No route to the address, or the network is down. */
    UNREACHABLE(true),
    /** Connected, but no answer came in time. */
    TIMEOUT(false),
    /** The server closed the connection before answering in full. */
    CLOSED(false),
    /** The answer was not valid RTSP: garbage, missing or wrong CSeq, too large, truncated. */
    MALFORMED(false),
    /** The credentials were refused. */
    AUTH_FAILED(false),
    /** The stream path does not exist (404) or the method is not supported. */
    NOT_FOUND(false),
    /** Redirects went round in a loop or too far. */
    REDIRECT_LOOP(false),
    /** The server answered with an error status (5xx or an unexpected 4xx). */
    SERVER_ERROR(false),
    /** The session description offers no usable video. */
    NO_VIDEO(false),
    /** The stream was set up and played, but no key frame arrived in time. */
    NO_MEDIA(false);

    private final boolean connectionError;

    ProbeErrorClass(boolean connectionError) {
        this.connectionError = connectionError;
    }

    public boolean isConnectionError() {
        return connectionError;
    }
}
