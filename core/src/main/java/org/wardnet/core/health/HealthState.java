package org.wardnet.core.health;

/** A camera's health as ops see it. */
public enum HealthState {
    /** Not probed yet since start or registration. */
    UNKNOWN,
    /** Answers as it should. */
    ONLINE,
    /** Answers, but slowly or wrongly: slow, credentials refused, no media, no video. */
    DEGRADED,
    /** Failed enough consecutive probes over a long enough time to be called down. */
    OFFLINE,
    /**
     * Shown by a parent tier node only: the camera's owner node has stopped syncing, so its state
     * is not known now; the last state the node reported is shown beside it with its age. Never a
     * guess of OFFLINE: the link is down, not (as far as anyone knows) the camera.
     */
    STALE
}
