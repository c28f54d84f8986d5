package org.wardnet.core.federation;

import java.util.TreeSet;

/**
 * Sequence numbers for journal entries written by concurrent transactions, and the watermark up to
 * which the journal may be read. A number is allocated when a transaction writes its entry and is
 * done when that transaction commits or rolls back; the watermark is the highest number below
 * which nothing is still open. Reading only up to it means a transaction that took number 7 but
 * commits after number 8 was pushed can never be skipped: 8 is not readable until 7 is done.
 * Thread-safe; allocation and completion are O(log n) in the transactions open.
 *
 * <p>Limits: in one process only (the journal's writer); numbers of rolled-back transactions are
 * gaps, which readers skip.
 */
public final class JournalSequence {

    private final TreeSet<Long> open = new TreeSet<>();
    private long last;

    /** @param last the highest number already used (0 for an empty journal) */
    public JournalSequence(long last) {
        if (last < 0) {
            throw new IllegalArgumentException("last must not be negative: " + last);
        }
        this.last = last;
    }

    /** The next number, open until {@link #done} is called with it. */
    public synchronized long allocate() {
        last++;
        open.add(last);
        return last;
    }

    /** Its transaction committed or rolled back. */
    public synchronized void done(long seq) {
        if (!open.remove(seq)) {
            throw new IllegalStateException("sequence " + seq + " is not open");
        }
        notifyAll();
    }

    /**
     * Waits until every number below {@code seq} is done (its transaction committed or rolled
     * back), so that what they wrote is visible to a read that starts after. Answers false if
     * {@code timeoutMillis} passed first.
     */
    public synchronized boolean awaitDoneBelow(long seq, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!open.isEmpty() && open.first() < seq) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** The highest number such that no number at or below it is open. */
    public synchronized long watermark() {
        return open.isEmpty() ? last : open.first() - 1;
    }

    /**
     * Numbers from now on come after {@code seq} (a node restored from a backup that its parent
     * has seen past). Numbers already allocated stay as they are.
     */
    public synchronized void skipPast(long seq) {
        last = Math.max(last, seq);
    }

    /** The highest number allocated. */
    public synchronized long last() {
        return last;
    }
}
