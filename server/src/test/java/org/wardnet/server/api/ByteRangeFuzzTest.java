package org.wardnet.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.wardnet.adapters.fuzz.Mutations;

/**
 * Fuzzing the Range header (RFC 9110, 14.1.2) as browsers and players send it for a clip —
 * Chromium's {@code bytes=0-} and follow-ups, suffixes, several ranges — mutated, against files
 * of any size. The property: no exception, and a partial answer always lies inside the file.
 */
class ByteRangeFuzzTest {

    @Provide
    Arbitrary<byte[]> headers() {
        List<String> seen = List.of("bytes=0-", "bytes=0-1", "bytes=1048576-", "bytes=65536-131071", "bytes=-500",
                "bytes=0-99,200-299", "bytes=0-0,-1", "bytes=500-600,601-999", "bytes=0-99, 100-199, 50-149");
        return Mutations.of(seen.stream().map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toList(), 3);
    }

    @Provide
    Arbitrary<Long> sizes() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 2_000), Arbitraries.longs().between(0, 1L << 40));
    }

    @Property
    void aRangeIsWholePartialWithinTheFileOrUnsatisfiable(@ForAll("headers") byte[] header, @ForAll("sizes") long size) {
        ByteRange range = ByteRange.resolve(new String(header, StandardCharsets.ISO_8859_1), size);
        if (range.status() == ByteRange.Status.PARTIAL) {
            assertTrue(range.start() >= 0 && range.start() <= range.end() && range.end() < size,
                    range + " of a file of " + size + " bytes");
            assertEquals(range.end() - range.start() + 1, range.length());
        }
    }
}
