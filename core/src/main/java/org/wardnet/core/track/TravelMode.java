package org.wardnet.core.track;

/**
 * How a subject moves, with the speeds that bound where and when it can be seen next.
 *
 * <p>{@code slowest} and {@code fastest} bound the time windows the planner proposes (a walker
 * who dawdles, a driver on a clear road); {@code typical} gives the expected arrival;
 * {@code impossible} is the speed above which a hop in a case is flagged as physically
 * implausible for the mode. Figures are for town streets, in metres per second.
 */
public enum TravelMode {
    WALK(0.6, 1.3, 2.5, 7.0),
    BIKE(2.0, 4.5, 8.0, 16.0),
    CAR(3.0, 10.0, 17.0, 45.0);

    private final double slowest;
    private final double typical;
    private final double fastest;
    private final double impossible;

    TravelMode(double slowest, double typical, double fastest, double impossible) {
        this.slowest = slowest;
        this.typical = typical;
        this.fastest = fastest;
        this.impossible = impossible;
    }

    public double slowest() {
        return slowest;
    }

    public double typical() {
        return typical;
    }

    public double fastest() {
        return fastest;
    }

    public double impossible() {
        return impossible;
    }

    /** The mode named {@code text} (any case), or null. */
    public static TravelMode parse(String text) {
        if (text == null) {
            return null;
        }
        for (TravelMode mode : values()) {
            if (mode.name().equalsIgnoreCase(text.trim())) {
                return mode;
            }
        }
        return null;
    }
}
