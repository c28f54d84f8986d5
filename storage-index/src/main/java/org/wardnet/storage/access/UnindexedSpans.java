package org.wardnet.storage.access;

import java.util.ArrayList;
import java.util.List;

/**
 * Journaled appends that the database does not index yet, as spans: an append that follows the
 * previous one in the same segment lengthens the open span (a few fields set, nothing allocated),
 * one in a new segment starts the next. The indexer takes them all at once.
 *
 * <p>Limits: not thread-safe (the audit store's lock guards it).
 */
final class UnindexedSpans {

    private final List<JournalSpan> closed = new ArrayList<>();
    private boolean open;
    private long segment;
    private long from;
    private long to;
    private long firstSeq;
    private long lastSeq;
    private String previousHash;
    private String lastHash;

    /** Entries {@code first} to {@code last} (linked to {@code previous}, ending at {@code lastHash}), journaled at the bytes given. */
    void add(AuditJournal.Written where, long first, long last, String previous, String lastHash) {
        if (!open || where.segment() != segment || where.from() != to) {
            closeOpen();
            open = true;
            segment = where.segment();
            from = where.from();
            firstSeq = first;
            previousHash = previous;
        }
        to = where.to();
        lastSeq = last;
        this.lastHash = lastHash;
    }

    boolean isEmpty() {
        return !open && closed.isEmpty();
    }

    /** Every span added since the last take, in order; this is left empty. */
    List<JournalSpan> take() {
        closeOpen();
        List<JournalSpan> taken = List.copyOf(closed);
        closed.clear();
        return taken;
    }

    private void closeOpen() {
        if (open) {
            closed.add(new JournalSpan(firstSeq, lastSeq, lastHash, segment, from, to, previousHash));
            open = false;
        }
    }
}
