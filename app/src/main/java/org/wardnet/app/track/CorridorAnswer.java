package org.wardnet.app.track;

import java.time.Instant;
import java.util.List;
import org.wardnet.core.clips.Clip;

/**
 * The cameras along a route in the order passed, each with its window and clips.
 *
 * @param truncated more cameras lie along the route than the limit let through
 */
public record CorridorAnswer(double routeMeters, List<Stop> stops, boolean truncated, double videoSecondsToReview) {

    /** One camera along the route. */
    public record Stop(String cameraId, double distanceMeters, Instant windowFrom, Instant windowTo, List<Clip> clips) {
    }
}
