package org.wardnet.core.health;

import java.util.Objects;

/**
 * The result of one probe of one camera.
 *
 * @param ok              whether every step of the requested depth succeeded
 * @param rttMillis       time from the first request to the last answer (for a failure: to the failure)
 * @param error           why it failed; null when ok
 * @param message         the failure in words, for the camera's health page; null when ok
 * @param codec           video codec from the SDP (DESCRIBE and deeper), or null
 * @param width           picture width from the SDP's parameter sets, or null
 * @param height          picture height, or null
 * @param keyFrameMillis  time from PLAY to the first key frame (MEDIA depth), or null
 */
public record ProbeOutcome(boolean ok, long rttMillis, ProbeErrorClass error, String message, String codec,
        Integer width, Integer height, Long keyFrameMillis) {

    public ProbeOutcome {
        if (ok != (error == null)) {
            throw new IllegalArgumentException("an outcome is ok exactly when it has no error class");
        }
        if (!ok) {
            Objects.requireNonNull(message, "a failure needs a message");
        }
    }

    public static ProbeOutcome failed(long rttMillis, ProbeErrorClass error, String message) {
        return new ProbeOutcome(false, rttMillis, error, message, null, null, null, null);
    }
}
