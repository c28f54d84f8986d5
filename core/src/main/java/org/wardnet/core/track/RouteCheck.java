package org.wardnet.core.track;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Reads a case's route leg by leg: distance, time, implied speed, and flags on legs that cannot
 * have happened: time going backwards, or a speed over the mode's physical limit.
 */
public final class RouteCheck {

    /** Why a leg is impossible. */
    public enum Flag { TIME_BACKWARDS, TOO_FAST }

    /**
     * One leg between consecutive hops.
     *
     * @param distanceMeters null when a camera is no longer registered (its place is unknown)
     */
    public record Leg(int fromSeq, int toSeq, Double distanceMeters, double seconds, Double speed, List<Flag> flags) {

        public boolean possible() {
            return flags.isEmpty();
        }
    }

    private RouteCheck() {
    }

    /**
     * @param distance metres between two cameras, by the same rule the planner uses
     */
    public static List<Leg> legs(List<TrackCase.Hop> hops, TravelMode mode,
            ToDoubleBiFunction<String, String> distance) {
        List<Leg> legs = new ArrayList<>();
        for (int i = 0; i + 1 < hops.size(); i++) {
            TrackCase.Hop a = hops.get(i);
            TrackCase.Hop b = hops.get(i + 1);
            double measured = a.cameraId().equals(b.cameraId()) ? 0 : distance.applyAsDouble(a.cameraId(), b.cameraId());
            Double meters = Double.isNaN(measured) ? null : measured;
            double seconds = (b.time().toEpochMilli() - a.time().toEpochMilli()) / 1000.0;
            List<Flag> flags = new ArrayList<>();
            Double speed = seconds > 0 && meters != null ? meters / seconds : null;
            if (seconds < 0) {
                flags.add(Flag.TIME_BACKWARDS);
            } else if ((seconds == 0 && meters != null && meters > 0) || (speed != null && speed > mode.impossible())) {
                flags.add(Flag.TOO_FAST);
            }
            legs.add(new Leg(a.seq(), b.seq(), meters, seconds, speed, List.copyOf(flags)));
        }
        return legs;
    }
}
