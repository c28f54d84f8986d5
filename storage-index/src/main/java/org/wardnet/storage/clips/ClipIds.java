package org.wardnet.storage.clips;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hands out clip ids from blocks of {@link #BLOCK} that the store's {@code clip_id_block} sequence
 * numbers, so servers sharing a store never give two clips one id, and a batch costs no round
 * trip to the store until its block runs out (a sequence's value is taken outside transactions, so
 * a rolled-back batch leaves a gap, never a repeat). A restarted server starts a new block: ids
 * grow, with gaps, and say nothing about the order clips arrived in across servers.
 *
 * <p>Thread-safe: one lock, held while ids are counted out (and a block is fetched).
 */
final class ClipIds {

    /** Ids per block, as the migration that made the sequence numbers them. */
    static final long BLOCK = 65_536;

    private final String nextBlockSql;
    /** The next id to hand out and the last of its block; next > last before the first block. */
    private long next = 1;
    private long last;

    /** @param nextBlockSql the store's query answering the sequence's next value */
    ClipIds(String nextBlockSql) {
        this.nextBlockSql = nextBlockSql;
    }

    /** {@code count} fresh ids, fetching blocks with {@code connection} when the current one runs out. */
    synchronized long[] take(Connection connection, int count) throws SQLException {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            if (next > last) {
                long block = nextBlock(connection);
                next = (block - 1) * BLOCK + 1;
                last = block * BLOCK;
            }
            ids[i] = next++;
        }
        return ids;
    }

    private long nextBlock(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(nextBlockSql);
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the clip_id_block sequence answered nothing");
            }
            return row.getLong(1);
        }
    }
}
