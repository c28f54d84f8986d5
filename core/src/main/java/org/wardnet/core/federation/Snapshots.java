package org.wardnet.core.federation;

/**
 * A full re-send of what a node holds, written into its journal between a SNAPSHOT {@code begin}
 * and {@code end}: every site and camera, the latest state of each subject and every clip row.
 * Used when the parent lacks part of the journal: it was wiped or restored from an older backup
 * (its acknowledgement is below what the journal still holds), or this node was restored from an
 * older backup (the parent acknowledged numbers this node has not reached). At {@code end} the
 * parent drops the node's records the re-send did not name.
 */
public interface Snapshots {

    /**
     * Journals everything, numbered after {@code after} (which this node's sequence skips past).
     *
     * @return the number of entries written, markers included
     */
    long journalAll(long after);

    /** For a node that cannot re-send: says so, loudly, when asked. */
    Snapshots NONE = after -> {
        throw new IllegalStateException("this node cannot re-send its records");
    };
}
