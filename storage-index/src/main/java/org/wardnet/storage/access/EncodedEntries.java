package org.wardnet.storage.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wardnet.core.audit.AuditEntry;

/**
 * Consecutive linked entries as their journal records ({@link JournalRecords}): a block row of the
 * database, as a store without a journal appends them or as a journal's spans are folded into it.
 * Only the first and last entries are kept decoded (a block row needs its ends: where it starts,
 * what it links to, where the chain stands after it).
 */
record EncodedEntries(AuditEntry first, AuditEntry last, int count, byte[] records) {

    /** The most entries one block row holds, unless a single group brings more. */
    static final int BLOCK_ENTRIES = 1_000;

    static EncodedEntries of(List<AuditEntry> entries) {
        return new EncodedEntries(entries.get(0), entries.get(entries.size() - 1), entries.size(),
                JournalRecords.encodeAll(entries));
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
     * Records laid end to end ({@code length} bytes of {@code records}, whole records only, as the
     * journal's appends left them) cut into blocks of {@link #BLOCK_ENTRIES}: one walk over the
     * record lengths, one copy per block, the first and last record of each decoded.
     *
     * @throws IllegalArgumentException when the bytes are not whole records
     */
    static List<EncodedEntries> cut(byte[] records, int length) {
        List<EncodedEntries> blocks = new ArrayList<>();
        int from = 0;
        while (from < length) {
            int at = from;
            int count = 0;
            int lastStart = from;
            while (at < length && count < BLOCK_ENTRIES) {
                lastStart = at;
                at += JournalRecords.recordLengthAt(records, at);
                count++;
            }
            if (at > length) {
                throw new IllegalArgumentException("the records end inside a record at byte " + lastStart);
            }
            blocks.add(new EncodedEntries(JournalRecords.decodeAt(records, from),
                    JournalRecords.decodeAt(records, lastStart), count, Arrays.copyOfRange(records, from, at)));
            from = at;
        }
        return blocks;
    }
}
