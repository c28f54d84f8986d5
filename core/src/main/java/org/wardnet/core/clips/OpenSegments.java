package org.wardnet.core.clips;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The marker a recorder leaves beside a segment while it is open: an empty file named after the
 * segment with {@value #SUFFIX} added, made before the segment and removed once its row is in the
 * index. At the next start, a marker names a segment that may lack its row whatever its name says:
 * names come from the wall clock, so after the clock was stepped back the segment open at a crash
 * can sort before footage already indexed.
 *
 * <p>Limits: a marker is a hint; recovery still checks the index before it repairs anything.
 */
public final class OpenSegments {

    /** What a marker's name adds to its segment's. */
    public static final String SUFFIX = ".open";

    private OpenSegments() {
    }

    /** The marker of {@code segment}. */
    public static Path markerOf(Path segment) {
        return segment.resolveSibling(segment.getFileName() + SUFFIX);
    }

    /** The segment a marker names, or empty when {@code file} is not a marker. */
    public static Optional<Path> segmentOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(SUFFIX) || name.length() == SUFFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(file.resolveSibling(name.substring(0, name.length() - SUFFIX.length())));
    }
}
