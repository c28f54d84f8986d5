package org.wardnet.core.track;

import java.time.Instant;
import java.util.List;
import org.wardnet.core.registry.GeoPoint;

/**
 * A checked corridor request: the cameras along the route through {@code waypoints}, within
 * {@code buffer} metres of it, for a subject that left the first waypoint between {@code from} and
 * {@code to} by {@code mode}; at most {@code limit} cameras.
 */
public record CorridorQuery(List<GeoPoint> waypoints, Instant from, Instant to, TravelMode mode, double buffer,
        int limit) {
}
