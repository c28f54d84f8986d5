package org.wardnet.server.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A {@code Range: bytes=...} request header resolved against a file's size (RFC 9110, 14.2).
 * Answers are one of: the whole file (no header, another unit, or several ranges that do not make
 * one span: Wardnet does not send multipart/byteranges, which the RFC allows it to decline by
 * sending the whole representation), one range (overlapping or adjacent ranges are merged first),
 * or unsatisfiable (416): a malformed header, or every range starting at or beyond the end.
 *
 * @param start  first byte (inclusive); -1 for the whole file
 * @param end    last byte (inclusive); -1 for the whole file
 * @param status WHOLE, PARTIAL or UNSATISFIABLE
 */
record ByteRange(long start, long end, Status status) {

    enum Status { WHOLE, PARTIAL, UNSATISFIABLE }

    /** At most this many ranges are considered; more is a sign of abuse (RFC 9110, 14.2). */
    static final int MAX_RANGES = 16;

    long length() {
        return end - start + 1;
    }

    static ByteRange resolve(String header, long size) {
        if (header == null || header.isBlank()) {
            return whole();
        }
        String value = header.strip();
        int equals = value.indexOf('=');
        if (equals < 0) {
            return unsatisfiable();
        }
        if (!value.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return whole(); // a unit we do not know is ignored
        }
        String[] specs = value.substring(equals + 1).split(",");
        if (specs.length > MAX_RANGES) {
            return unsatisfiable();
        }
        List<long[]> ranges = new ArrayList<>();
        for (String spec : specs) {
            long[] range = parse(spec.strip(), size);
            if (range == null) {
                return unsatisfiable(); // malformed
            }
            if (range.length == 2) {
                ranges.add(range);
            }
        }
        if (ranges.isEmpty()) {
            return unsatisfiable(); // every range starts beyond the end
        }
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        long start = ranges.get(0)[0];
        long end = ranges.get(0)[1];
        for (long[] range : ranges.subList(1, ranges.size())) {
            if (range[0] > end + 1) {
                return whole(); // disjoint ranges would need multipart/byteranges
            }
            end = Math.max(end, range[1]);
        }
        return new ByteRange(start, end, Status.PARTIAL);
    }

    /**
     * {@code a-b}, {@code a-} or {@code -n}: {start, end} clamped to the file, {} when it starts at
     * or beyond the end, null when malformed.
     */
    private static long[] parse(String spec, long size) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = spec.substring(0, dash).strip();
            String last = spec.substring(dash + 1).strip();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0 || last.startsWith("+")) {
                    return suffix == 0 ? new long[0] : null;
                }
                return size == 0 ? new long[0] : new long[] {Math.max(0, size - suffix), size - 1};
            }
            if (first.startsWith("+") || last.startsWith("+")) {
                return null;
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Long.parseLong(last);
            if (start < 0 || end < start) {
                return null;
            }
            return start >= size ? new long[0] : new long[] {start, Math.min(end, size - 1)};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ByteRange whole() {
        return new ByteRange(-1, -1, Status.WHOLE);
    }

    private static ByteRange unsatisfiable() {
        return new ByteRange(-1, -1, Status.UNSATISFIABLE);
    }
}
