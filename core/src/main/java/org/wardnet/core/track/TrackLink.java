package org.wardnet.core.track;

import java.util.Objects;

/**
 * A link between two cameras set by hand: ADD makes {@code to} a candidate after {@code from}
 * even where the streets say otherwise (a passage the map lacks); FORBID removes it (a wall, a
 * one-way street). Directed; a two-way rule is two links.
 *
 * @param distanceMeters travel distance for an ADD, or null to use the straight line times the detour factor
 * @param mode           the mode it applies to, or null for all
 */
public record TrackLink(long id, String from, String to, Kind kind, Double distanceMeters, TravelMode mode) {

    public enum Kind { ADD, FORBID }

    public TrackLink {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean appliesTo(TravelMode travel) {
        return mode == null || mode == travel;
    }
}
