package org.wardnet.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The per-camera state machine: a pure function from the current health and a probe's outcome to
 * the next health.
 *
 * <ul>
 * <li>A failure the camera itself answers with (credentials refused, no media, no video, a wrong
 * path) makes it DEGRADED at once: it is reachable, and waiting would hide a misconfiguration.</li>
 * <li>Any other failure counts towards OFFLINE, reached only after {@code K} failures in a row
 * spanning at least {@code T}; until then the camera keeps its state.</li>
 * <li>A good answer slower than the slow threshold is DEGRADED ("slow"), else ONLINE; an OFFLINE
 * camera needs {@code M} good answers in a row to leave OFFLINE.</li>
 * </ul>
 */
public final class HealthStateMachine {

    /** Failures that prove the camera answers: it is misconfigured or broken, not gone. */
    private static final Set<ProbeErrorClass> ANSWERED = EnumSet.of(ProbeErrorClass.AUTH_FAILED,
            ProbeErrorClass.NO_MEDIA, ProbeErrorClass.NO_VIDEO, ProbeErrorClass.NOT_FOUND);

    private final HealthPolicy policy;

    public HealthStateMachine(HealthPolicy policy) {
        this.policy = policy;
    }

    /** As {@link #next(CameraHealth, ProbeOutcome, Instant, Duration)}, timing the failures by {@code now}. */
    public CameraHealth next(CameraHealth current, ProbeOutcome outcome, Instant now) {
        Duration failingFor = current.firstFailure() == null ? Duration.ZERO : Duration.between(current.firstFailure(), now);
        return next(current, outcome, now, failingFor);
    }

    /**
     * The camera's health after {@code outcome}.
     *
     * @param now        the wall-clock time the states are stamped with
     * @param failingFor how long the camera has been failing, measured on a clock that a stepped wall
     *                   clock does not move (zero when it was not failing): it decides OFFLINE
     */
    public CameraHealth next(CameraHealth current, ProbeOutcome outcome, Instant now, Duration failingFor) {
        return outcome.ok() ? success(current, outcome, now) : failure(current, outcome, now, failingFor);
    }

    private CameraHealth success(CameraHealth c, ProbeOutcome o, Instant now) {
        int successes = c.consecutiveSuccesses() + 1;
        boolean slow = o.rttMillis() > policy.slowAfterMillis();
        HealthState target = slow ? HealthState.DEGRADED : HealthState.ONLINE;
        String reason = slow ? "slow: answered in " + o.rttMillis() + " ms" : null;
        HealthState state = c.state() == HealthState.OFFLINE && successes < policy.onlineAfterSuccesses()
                ? HealthState.OFFLINE : target;
        if (state == HealthState.OFFLINE) {
            reason = "recovering: " + successes + " of " + policy.onlineAfterSuccesses() + " good probes";
        }
        return new CameraHealth(c.cameraId(), state, state == c.state() ? c.since() : now, now, o.rttMillis(), null,
                null, reason, o.codec() != null ? o.codec() : c.codec(), o.width() != null ? o.width() : c.width(),
                o.height() != null ? o.height() : c.height(), 0, null, successes);
    }

    private CameraHealth failure(CameraHealth c, ProbeOutcome o, Instant now, Duration failingFor) {
        int failures = c.consecutiveFailures() + 1;
        Instant firstFailure = c.firstFailure() == null ? now : c.firstFailure();
        HealthState state;
        String reason;
        if (ANSWERED.contains(o.error())) {
            state = c.state() == HealthState.OFFLINE ? HealthState.OFFLINE : HealthState.DEGRADED;
            reason = reasonFor(o.error());
        } else if (failures >= policy.offlineAfterFailures()
                && failingFor.compareTo(policy.offlineAfterDuration()) >= 0) {
            state = HealthState.OFFLINE;
            reason = failures + " failed probes since " + firstFailure + ": " + o.error();
        } else {
            state = c.state();
            reason = c.reason();
        }
        return new CameraHealth(c.cameraId(), state, state == c.state() ? c.since() : now, now, o.rttMillis(),
                o.error(), o.message(), reason, c.codec(), c.width(), c.height(), failures, firstFailure, 0);
    }

    private static String reasonFor(ProbeErrorClass error) {
        return switch (error) {
            case AUTH_FAILED -> "credentials refused";
            case NO_MEDIA -> "no media: the stream plays but sends no key frame";
            case NO_VIDEO -> "no video in the stream's description";
            default -> "stream not found";
        };
    }
}
