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
    OFFLINE
}
