package org.wardnet.core.federation;

import java.util.List;

/**
 * A child node's journal of committed changes, read in order by the pusher and pruned once the
 * parent has acknowledged them. Entries are written by the stores in the same transaction as the
 * change itself (so a change and its entry commit or vanish together); see the store's adapter.
 */
public interface SyncJournal {

    /**
     * Changes after {@code afterSeq}, in sequence order, at most {@code limit}, and none past the
     * watermark (a change whose transaction is still open hides the ones after it).
     */
    List<Change> after(long afterSeq, int limit);

    /** The highest sequence number that may be read now. */
    long watermark();

    /** The lowest sequence number still held; {@code watermark() + 1} when nothing is. */
    long oldest();

    /**
     * The highest number the journal held when this process opened it, before anything was
     * written since: a parent that has applied more than that has seen a future this store does
     * not remember (it was restored from an older backup).
     */
    long highestAtOpen();

    /** Removes the entries at or below {@code upToSeq} (acknowledged by the parent); answers how many. */
    int prune(long upToSeq);
}
