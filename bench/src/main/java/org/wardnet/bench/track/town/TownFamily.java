package org.wardnet.bench.track.town;

import java.util.List;
import java.util.Random;
import org.wardnet.core.track.LocalPlane;
import org.wardnet.core.track.StreetSegment;

/**
 * Kinds of generated town that differ in the shape of their streets, not only in a seed. Every
 * family draws its cameras the same way ({@link TownCameras}); density differs as towns do.
 */
public enum TownFamily {
    /** A planned grid: the family the planner's settings may be tuned on. */
    GRID(32),
    /** Streets that grew without a plan: irregular blocks, bends, footpaths. */
    ORGANIC(40),
    /** An old town: rings and radials, one-way inner rings. */
    RINGS(30);

    private final double metersPerCamera;

    TownFamily(double metersPerCamera) {
        this.metersPerCamera = metersPerCamera;
    }

    /** A generated town of this family; the same seed gives the same town. */
    public Town generate(long seed) {
        Random random = new Random(seed * 31 + ordinal());
        StreetSketch sketch = switch (this) {
            case GRID -> GridTown.draw(random);
            case ORGANIC -> OrganicTown.draw(random);
            case RINGS -> RingTown.draw(random);
        };
        LocalPlane plane = new LocalPlane(30.25, 120.15);
        List<StreetSegment> streets = sketch.segments(plane);
        String prefix = name().charAt(0) + Long.toString(seed % 100) + "C";
        return new Town(this, seed, streets, TownCameras.place(sketch, plane, random, metersPerCamera, prefix));
    }

    /** A town: its streets and its cameras as they really are. */
    public record Town(TownFamily family, long seed, List<StreetSegment> streets, List<TrueCamera> cameras) {
    }
}
