package org.wardnet.core.track;

import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * What the confirmed routes as a whole teach beyond their hops: each camera's clock offset, and
 * then, by those clocks, how fast each mode's subjects went.
 */
public record RouteFit(ClockOffsets clocks, TravelSpeeds speeds) {

    /** Nothing learned. */
    public static final RouteFit NONE = new RouteFit(ClockOffsets.NONE, TravelSpeeds.NONE);

    /** @param distance metres between two cameras by the streets, NaN when unknown */
    public static RouteFit fit(List<ClockOffsets.Route> routes, ToDoubleBiFunction<String, String> distance) {
        ClockOffsets clocks = ClockOffsets.fit(routes, distance);
        return new RouteFit(clocks, TravelSpeeds.fit(routes, distance, clocks));
    }
}
