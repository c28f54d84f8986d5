package org.wardnet.core.registry;

import java.util.Optional;

/** The three levels of the district's monitoring network, highest first. */
public enum Tier {
    /** The district's central monitoring center; exactly one, the root of the tree. */
    CENTER,
    /** A monitoring sub-center in a police substation; its parent is the CENTER. */
    SUBSTATION,
    /** A control room of an estate, business or institution; its parent is a SUBSTATION. */
    ROOM;

    /** The tier a site of this tier must hang under; empty for the CENTER. */
    public Optional<Tier> parentTier() {
        return switch (this) {
            case CENTER -> Optional.empty();
            case SUBSTATION -> Optional.of(CENTER);
            case ROOM -> Optional.of(SUBSTATION);
        };
    }
}
