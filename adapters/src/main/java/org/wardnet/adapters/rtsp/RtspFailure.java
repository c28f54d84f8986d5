package org.wardnet.adapters.rtsp;

import org.wardnet.core.health.ProbeErrorClass;

/** A failed RTSP exchange, classified for the health monitor. */
final class RtspFailure extends RuntimeException {

    private final ProbeErrorClass errorClass;

    RtspFailure(ProbeErrorClass errorClass, String message) {
        super(message, null, false, false);
        this.errorClass = errorClass;
    }

    ProbeErrorClass errorClass() {
        return errorClass;
    }
}
