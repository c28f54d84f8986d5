package org.wardnet.bench.track.town;

import org.wardnet.core.registry.GeoPoint;

/**
 * A generated camera as it really is, and as the registry knows it. The planner sees only
 * {@code id}, {@code location} and {@code registeredHeading}; the rest decides what the camera
 * sees in the ground truth and must be learned.
 *
 * @param heading           where it really faces, compass degrees; null for a dome that sees all round
 * @param registeredHeading what the installer entered: the heading give or take a few degrees, or null
 * @param reachMeters       how far it sees a passer-by
 * @param halfAngleDegrees  how far either side of its heading it sees
 * @param closeMeters       within this distance it sees whatever its heading
 * @param detection         the chance it sees a subject that passes through its view
 * @param skewSeconds       how far its clock is off
 * @param down              whether it is out of order for the whole evaluation
 */
public record TrueCamera(String id, GeoPoint location, Double heading, Double registeredHeading, double reachMeters,
        double halfAngleDegrees, double closeMeters, double detection, double skewSeconds, boolean down) {
}
