package org.wardnet.core.track;

import java.util.Locale;

/**
 * What a typical camera of the district sees of a street: passers-by within {@code reachMeters}
 * and within {@code halfAngleDegrees} either side of its heading, and anything passing within
 * {@code closeMeters} of it whatever its heading (a lens looking down from a pole). Lenses and
 * mounting heights are not in the registry, so one view serves every camera: the default until
 * confirmed routes are enough to fit it ({@link ViewFit}).
 */
public record CameraView(double reachMeters, double halfAngleDegrees, double closeMeters) {

    /** 25 m, 75 degrees either side, 1 m close by: a wide street camera, before anything is learned. */
    public static final CameraView DEFAULT = new CameraView(25, 75, 1);

    public CameraView {
        if (!(reachMeters >= 1 && reachMeters <= 200) || !(halfAngleDegrees > 0 && halfAngleDegrees <= 180)
                || !(closeMeters >= 0 && closeMeters <= reachMeters)) {
            throw new IllegalArgumentException("a camera view needs a reach of 1-200 m, a half angle of 0-180 degrees"
                    + " and a close range within the reach; got " + reachMeters + " m, " + halfAngleDegrees
                    + " degrees, " + closeMeters + " m");
        }
    }

    /** Whether a point {@code distance} metres away at compass {@code bearing} is seen by a camera facing {@code heading}. */
    boolean sees(double distance, double bearing, Double heading) {
        if (distance > reachMeters) {
            return false;
        }
        if (heading == null || distance <= closeMeters) {
            return true;
        }
        return Math.abs(((bearing - heading) % 360 + 540) % 360 - 180) <= halfAngleDegrees;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f m, %.0f degrees either side, %.0f m close by", reachMeters,
                halfAngleDegrees, closeMeters);
    }
}
