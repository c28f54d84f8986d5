package org.wardnet.core.audit;

import java.util.List;

/** Where the trail is kept: appended in order, never changed, read back by sequence. */
public interface AuditStore {

    /** Links the drafts after the last entry and stores them in one transaction; returns them linked. */
    List<AuditEntry> append(List<AuditEntry.Draft> drafts);

    /**
     * True when {@link #append} returns within microseconds and without waiting for a disk, so a
     * caller may append one entry on its own thread instead of handing it to a group-committing
     * writer (the hand-over, two thread wake-ups, would then cost more than the append).
     */
    default boolean appendsAtOnce() {
        return false;
    }

    /** The trail's last entry's number and hash ({@code 0} and the genesis hash when it is empty). */
    Head head();

    /** Where the trail ends: a child node sends it upward, so its parent can later tell a rewritten trail. */
    record Head(long seq, String hash) {
    }

    /** Entries after {@code afterSeq}, by sequence. */
    List<AuditEntry> read(long afterSeq, int limit);

    /**
     * Entries whose target is {@code path} or lies under it ({@code path/...} or {@code path?...}),
     * by sequence, at most {@code limit}.
     */
    List<AuditEntry> about(String path, int limit);
}
