package org.wardnet.adapters.rtsp;

import org.wardnet.core.health.ProbeErrorClass;

/** A failed RTSP exchange, classified for the health monitor. */
final class RtspFailure extends RuntimeException {

    private final ProbeErrorClass errorClass;
    private final int status;

    RtspFailure(ProbeErrorClass errorClass, String message) {
        this(errorClass, message, 0);
    }

    /** @param status the RTSP status the peer answered, or 0 when the failure is not an answer */
    RtspFailure(ProbeErrorClass errorClass, String message, int status) {
        super(message, null, false, false);
        this.errorClass = errorClass;
        this.status = status;
    }

    int status() {
        return status;
    }

    ProbeErrorClass errorClass() {
        return errorClass;
    }
}
