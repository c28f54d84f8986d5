package org.wardnet.storage.access;

/**
 * Journaled audit records that the database does not hold yet, end to end in one growing array:
 * an append copies its group's bytes in, the indexer takes them all at once and cuts them into
 * blocks ({@link EncodedEntries#cut}). One array instead of an object per group keeps the
 * indexer's walk sequential, where a queue of groups made on other threads' cores cost it a cache
 * miss or more per group.
 *
 * <p>Limits: not thread-safe (the audit store's lock guards it); holds what it is given until
 * taken, so the caller bounds it (the store refuses appends beyond its unindexed maximum).
 */
final class PendingRecords {

    private static final int INITIAL_BYTES = 64 * 1024;

    /** What was taken: {@code length} bytes of whole records in {@code bytes}, {@code entries} of them. */
    record Taken(byte[] bytes, int length, int entries) {
    }

    private byte[] bytes = new byte[INITIAL_BYTES];
    private int length;
    private int entries;
    /**
     * An array the indexer gave back, written into after the next take: a fresh array of megabytes
     * per take would cost its zeroing and page faults on the appenders' threads.
     */
    private byte[] spare;

    void add(byte[] records, int count) {
        if (length + records.length > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) length + records.length);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("too many audit records wait for the database: " + entries);
            }
            bytes = java.util.Arrays.copyOf(bytes, (int) wanted);
        }
        System.arraycopy(records, 0, bytes, length, records.length);
        length += records.length;
        entries += count;
    }

    boolean isEmpty() {
        return entries == 0;
    }

    /**
     * Everything added since the last take; this is left empty, with room for half as much again.
     * Hand the taken array back with {@link #giveBack} once its bytes are copied out.
     */
    Taken take() {
        Taken taken = new Taken(bytes, length, entries);
        int room = Math.max(INITIAL_BYTES, length + length / 2);
        bytes = spare != null && spare.length >= room ? spare : new byte[room];
        spare = null;
        length = 0;
        entries = 0;
        return taken;
    }

    /** An array taken before, no longer read: the next take may write into it. */
    void giveBack(byte[] taken) {
        if (spare == null || taken.length > spare.length) {
            spare = taken;
        }
    }
}
