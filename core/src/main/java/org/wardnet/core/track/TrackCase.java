package org.wardnet.core.track;

import java.time.Instant;
import java.util.List;

/**
 * An investigation's route: hops in the order the investigator added them, and its history.
 *
 * @param siteId    the site whose subtree may see the case; null for the whole district only
 * @param confirmed when the route was confirmed, or null while open
 */
public record TrackCase(String id, String title, TravelMode mode, String siteId, Instant created, Instant confirmed,
        List<Hop> hops, List<Event> history) {

    /** One sighting on the route. */
    public record Hop(int seq, String cameraId, Instant time, Long clipId, String note, Instant added) {
    }

    /** One change to the case. */
    public record Event(int seq, Instant at, String action, String detail) {
    }
}
