package org.wardnet.core.track;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.wardnet.core.registry.GeoPoint;

/**
 * One straight piece of street between two points, as imported from an edge list or GeoJSON.
 *
 * @param from   one end
 * @param to     the other end
 * @param modes  who may use it (a footpath: WALK and BIKE only)
 * @param oneWay true when vehicles may only go from {@code from} to {@code to}; walkers ignore it
 */
public record StreetSegment(GeoPoint from, GeoPoint to, Set<TravelMode> modes, boolean oneWay) {

    public StreetSegment {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        modes = modes == null || modes.isEmpty() ? EnumSet.allOf(TravelMode.class) : EnumSet.copyOf(modes);
    }
}
