package org.wardnet.core.health;

import java.time.Instant;

/**
 * What the monitor knows of one camera: its state and since when, its last probe and what it
 * found, and the counters the hysteresis needs.
 *
 * @param cameraId             the camera
 * @param state                current state
 * @param since                when it entered the state (the monitor's start for UNKNOWN)
 * @param lastProbe            when it was last probed; null before the first probe
 * @param rttMillis            the last probe's duration; null before the first probe
 * @param errorClass           the last failure's class; null when the last probe was good
 * @param errorMessage         the last failure in words; null when the last probe was good
 * @param reason               why it is in its state (slow, auth failure, ...), for people; may be null
 * @param codec                video codec last seen in its SDP; null when unknown
 * @param width                picture width last seen; null when unknown
 * @param height               picture height last seen; null when unknown
 * @param consecutiveFailures  failed probes in a row
 * @param firstFailure         when the current run of failures began; null when not failing
 * @param consecutiveSuccesses good probes in a row
 */
public record CameraHealth(String cameraId, HealthState state, Instant since, Instant lastProbe, Long rttMillis,
        ProbeErrorClass errorClass, String errorMessage, String reason, String codec, Integer width, Integer height,
        int consecutiveFailures, Instant firstFailure, int consecutiveSuccesses) {

    public static CameraHealth unknown(String cameraId, Instant since) {
        return new CameraHealth(cameraId, HealthState.UNKNOWN, since, null, null, null, null, null, null, null, null,
                0, null, 0);
    }
}
