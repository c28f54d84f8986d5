package org.wardnet.storage.access;

/**
 * Consecutive audit entries as they lie in one journal segment: entries {@code firstSeq} to
 * {@code lastSeq}, the bytes {@code from} (inclusive) to {@code to} (exclusive) of the segment named
 * by its first entry's number {@code segment}. The database keeps a row per span
 * ({@code audit_span}) instead of a second copy of the bytes.
 *
 * @param previousHash the hash the span's first entry links to: known when the span was just
 *                     written (so storing it can check that it continues the trail), null when read
 *                     back from the database, which keeps only the span's end
 */
record JournalSpan(long firstSeq, long lastSeq, String lastHash, long segment, long from, long to,
        String previousHash) {

    JournalSpan {
        if (lastSeq < firstSeq || to <= from || from < 0) {
            throw new IllegalArgumentException("not a span: entries " + firstSeq + "-" + lastSeq + ", bytes " + from
                    + "-" + to);
        }
    }

    long entries() {
        return lastSeq - firstSeq + 1;
    }
}
