package org.wardnet.storage.access;

import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.audit.AuditEntry;

/**
 * Consecutive linked entries with their journal records ({@link JournalRecords}), encoded once:
 * the same bytes go into the journal and, later, into a block row of the database.
 */
record EncodedEntries(List<AuditEntry> entries, byte[] records) {

    /** The most entries one block row holds, unless a single group brings more. */
    static final int BLOCK_ENTRIES = 1_000;

    static EncodedEntries of(List<AuditEntry> entries) {
        return new EncodedEntries(entries, JournalRecords.encodeAll(entries));
    }

    AuditEntry first() {
        return entries.get(0);
    }

    AuditEntry last() {
        return entries.get(entries.size() - 1);
    }

    /** The entries after {@code seq} only, encoded again (a group the database partly holds). */
    EncodedEntries after(long seq) {
        return of(entries.stream().filter(e -> e.seq() > seq).toList());
    }

    /** Entries in blocks of at most {@link #BLOCK_ENTRIES}. */
    static List<EncodedEntries> blocksOf(List<AuditEntry> entries) {
        List<EncodedEntries> blocks = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += BLOCK_ENTRIES) {
            blocks.add(of(entries.subList(from, Math.min(entries.size(), from + BLOCK_ENTRIES))));
        }
        return blocks;
    }

    /**
     * Consecutive groups joined into blocks of about {@link #BLOCK_ENTRIES}: groups are never split
     * (their bytes are copied, not encoded again), so a block exceeds it only by a lone large group.
     */
    static List<EncodedEntries> join(List<EncodedEntries> groups) {
        List<EncodedEntries> blocks = new ArrayList<>();
        List<EncodedEntries> pending = new ArrayList<>();
        int pendingEntries = 0;
        for (EncodedEntries group : groups) {
            if (pendingEntries > 0 && pendingEntries + group.entries().size() > BLOCK_ENTRIES) {
                blocks.add(concat(pending, pendingEntries));
                pending.clear();
                pendingEntries = 0;
            }
            pending.add(group);
            pendingEntries += group.entries().size();
        }
        if (pendingEntries > 0) {
            blocks.add(concat(pending, pendingEntries));
        }
        return blocks;
    }

    private static EncodedEntries concat(List<EncodedEntries> groups, int entryCount) {
        if (groups.size() == 1) {
            return groups.get(0);
        }
        List<AuditEntry> entries = new ArrayList<>(entryCount);
        int bytes = 0;
        for (EncodedEntries group : groups) {
            entries.addAll(group.entries());
            bytes += group.records().length;
        }
        byte[] records = new byte[bytes];
        int at = 0;
        for (EncodedEntries group : groups) {
            System.arraycopy(group.records(), 0, records, at, group.records().length);
            at += group.records().length;
        }
        return new EncodedEntries(entries, records);
    }
}
