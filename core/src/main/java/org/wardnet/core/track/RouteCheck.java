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
     * @param distanceMeters       null when a camera is no longer registered (its place is unknown)
     * @param seconds              time taken by the learned clocks: the difference of the two cameras'
     *                             times, less how much further the second's clock runs ahead
     * @param clockCorrectionSeconds what was taken off the clocks' difference for that (0 when no
     *                             offsets are known)
     */
    public record Leg(int fromSeq, int toSeq, Double distanceMeters, double seconds, Double speed, List<Flag> flags,
            double clockCorrectionSeconds) {

        public boolean possible() {
            return flags.isEmpty();
        }
    }

    private RouteCheck() {
    }

    /** As {@link #legs(List, TravelMode, ToDoubleBiFunction, double)} with no clock-skew margin. */
    public static List<Leg> legs(List<TrackCase.Hop> hops, TravelMode mode,
            ToDoubleBiFunction<String, String> distance) {
        return legs(hops, mode, distance, 0);
    }

    /**
     * Flags a leg only when no clock error within {@code skewSeconds} explains it: time running
     * backwards by more than the margin, or a speed above the mode's impossible one even over the
     * leg's time plus the margin. Two cameras whose clocks are each off by half the margin put a
     * short leg's sightings in the wrong order, and that is not a wrong route.
     *
     * @param distance    metres between two cameras, by the same rule the planner uses
     * @param skewSeconds how far two cameras' clocks may disagree ({@code track.clockSkewSeconds})
     */
    public static List<Leg> legs(List<TrackCase.Hop> hops, TravelMode mode,
            ToDoubleBiFunction<String, String> distance, double skewSeconds) {
        return legs(hops, mode, distance, skewSeconds, ClockOffsets.NONE);
    }

    /**
     * As above, reading each time by its camera's learned clock offset first; the margin then
     * covers what the offsets got wrong.
     */
    public static List<Leg> legs(List<TrackCase.Hop> hops, TravelMode mode,
            ToDoubleBiFunction<String, String> distance, double skewSeconds, ClockOffsets clocks) {
        List<Leg> legs = new ArrayList<>();
        for (int i = 0; i + 1 < hops.size(); i++) {
            TrackCase.Hop a = hops.get(i);
            TrackCase.Hop b = hops.get(i + 1);
            double measured = a.cameraId().equals(b.cameraId()) ? 0 : distance.applyAsDouble(a.cameraId(), b.cameraId());
            Double meters = Double.isNaN(measured) ? null : measured;
            double correction = clocks.seconds(b.cameraId()) - clocks.seconds(a.cameraId());
            double seconds = (b.time().toEpochMilli() - a.time().toEpochMilli()) / 1000.0 - correction;
            double longest = seconds + skewSeconds; // the most time the subject may really have had
            List<Flag> flags = new ArrayList<>();
            Double speed = seconds > 0 && meters != null ? meters / seconds : null;
            if (longest < 0) {
                flags.add(Flag.TIME_BACKWARDS);
            } else if (meters != null && meters > 0 && (longest == 0 || meters / longest > mode.impossible())) {
                flags.add(Flag.TOO_FAST);
            }
            legs.add(new Leg(a.seq(), b.seq(), meters, seconds, speed, List.copyOf(flags), correction));
        }
        return legs;
    }
}
