package org.wardnet.core.track;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.core.registry.IsoTime;
import org.wardnet.core.registry.Validated;

/** A corridor request as a client sends it; {@link #validate} names every problem at once. */
public record CorridorDraft(List<Point> waypoints, Window departure, String mode, Double bufferMeters, Integer limit) {

    /** A waypoint. */
    public record Point(Double lat, Double lon) {
    }

    /** The departure window. */
    public record Window(String from, String to) {
    }

    public Validated<CorridorQuery> validate(int maxLimit, Duration widest) {
        List<FieldError> errors = new ArrayList<>();
        List<GeoPoint> points = new ArrayList<>();
        if (waypoints == null || waypoints.size() < 2 || waypoints.size() > 100) {
            errors.add(new FieldError("waypoints", "2 to 100 points {lat, lon}"));
        } else {
            for (int i = 0; i < waypoints.size(); i++) {
                Point p = waypoints.get(i);
                try {
                    points.add(new GeoPoint(p.lat(), p.lon()));
                } catch (RuntimeException e) {
                    errors.add(new FieldError("waypoints[" + i + "]", "lat in [-90, 90] and lon in [-180, 180]"));
                }
            }
        }
        Instant from = null;
        Instant to = null;
        if (departure == null) {
            errors.add(new FieldError("departure", "required: {from, to}"));
        } else {
            from = IsoTime.required(errors, "departure.from", departure.from());
            to = IsoTime.required(errors, "departure.to", departure.to());
            if (from != null && to != null && (to.isBefore(from) || Duration.between(from, to).compareTo(widest) > 0)) {
                errors.add(new FieldError("departure.to", "not before from, and at most " + widest.toHours() + " h after"));
            }
        }
        TravelMode travel = TravelMode.parse(mode);
        if (travel == null) {
            errors.add(new FieldError("mode", "required: WALK, BIKE or CAR"));
        }
        double buffer = bufferMeters == null ? 30 : bufferMeters;
        if (!(buffer >= 1 && buffer <= 500)) {
            errors.add(new FieldError("bufferMeters", "1 to 500"));
        }
        int count = limit == null ? Math.min(200, maxLimit) : limit;
        if (count < 1 || count > maxLimit) {
            errors.add(new FieldError("limit", "1 to " + maxLimit));
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        return Validated.valid(new CorridorQuery(points, from, to, travel, buffer, count));
    }
}
