package org.wardnet.core.clips;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What Wardnet does with recorded video files: read what they hold, hash them, repair a segment cut
 * short by a crash, and cut one file for a window out of consecutive segments (remuxing, never
 * decoding).
 */
public interface MediaFiles {

    /** Reads the container: duration, codec, picture size, creation time when recorded. */
    MediaFile probe(Path file) throws IOException;

    /** The file's SHA-256, lower-case hex. */
    String sha256(Path file) throws IOException;

    /**
     * Rewrites a segment cut short (no index at its end) into a playable one, in place.
     *
     * @return the packets kept; 0 when nothing was readable (the file is left untouched)
     */
    long repair(Path file) throws IOException;

    /**
     * Cuts {@code [from, to)} out of {@code sources} (consecutive, same codec and size) into {@code out}.
     *
     * @throws IOException when there is no footage in the window or a file cannot be read or written
     */
    Cut cut(List<Source> sources, Instant from, Instant to, Path out) throws IOException;

    /** One source segment and the instant its first packet stands for. */
    record Source(Path file, Instant start) {
    }

    /** What a cut wrote: packets, and the instants of the first and last. */
    record Cut(long packets, Instant first, Instant last) {
    }
}
