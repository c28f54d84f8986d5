package org.wardnet.core.health;

import java.time.Instant;

/**
 * A change ops may want to hear of: a camera changing state, or a site becoming unreachable or
 * reachable again.
 *
 * @param at         when it happened
 * @param subject    CAMERA, SITE or NODE
 * @param id         the camera's, site's or child node's id
 * @param from       the previous state (for a site: REACHABLE or UNREACHABLE)
 * @param to         the new state
 * @param reason     why, in words
 * @param alarm      whether it needs attention now: a camera going OFFLINE, a site going UNREACHABLE;
 *                   never a recovery, never DEGRADED (a warning), never a camera inside an
 *                   unreachable site (its site's alarm stands for it)
 * @param groupedBy  the unreachable site that explains this camera's change, or null
 */
public record HealthEvent(Instant at, Subject subject, String id, String from, String to, String reason, boolean alarm,
        String groupedBy) {

    /** What changed: a camera, a site, or a child tier node's link (REACHABLE, UNREACHABLE). */
    public enum Subject { CAMERA, SITE, NODE }
}
