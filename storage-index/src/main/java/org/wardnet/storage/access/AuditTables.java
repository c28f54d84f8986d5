package org.wardnet.storage.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.core.audit.AuditDamageException;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore.Head;

/**
 * The SQL of the audit trail's two tables: {@code audit_entry}, a row per entry, holds the entries
 * written before blocks existed, and {@code audit_block} everything after them, consecutive
 * entries per row in the journal's record layout ({@link JournalRecords}). Every row entry comes
 * before every block entry, so a read goes through the rows first and then the blocks.
 *
 * <p>Limits: a block is read whole, so a read of a few entries decodes up to
 * {@link EncodedEntries#BLOCK_ENTRIES};
 * a damaged block fails the read, naming it, rather than being skipped.
 */
final class AuditTables {

    private AuditTables() {
    }

    /** Where the stored trail ends: its last block's, else its last row's, else the genesis. */
    static Head last(Connection connection) throws SQLException {
        try (PreparedStatement block = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_block ORDER BY last_seq DESC FETCH FIRST 1 ROWS ONLY");
                ResultSet found = block.executeQuery()) {
            if (found.next()) {
                return new Head(found.getLong(1), found.getString(2));
            }
        }
        try (PreparedStatement row = connection.prepareStatement(
                "SELECT seq, hash FROM audit_entry ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY");
                ResultSet found = row.executeQuery()) {
            return found.next() ? new Head(found.getLong(1), found.getString(2)) : new Head(0, AuditChain.GENESIS);
        }
    }

    /** Stores blocks of linked entries, in order, a row each. */
    static void insert(Connection connection, List<EncodedEntries> blocks) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_block (first_seq, last_seq, last_hash, entries) VALUES (?, ?, ?, ?)")) {
            for (EncodedEntries block : blocks) {
                insert.setLong(1, block.first().seq());
                insert.setLong(2, block.last().seq());
                insert.setString(3, block.last().hash());
                insert.setBytes(4, block.records());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Up to {@code limit} entries after {@code afterSeq} that {@code wanted} accepts, by sequence. */
    static List<AuditEntry> read(Connection connection, long afterSeq, int limit, String rowWhere,
            Object[] rowValues, Predicate<AuditEntry> wanted) throws SQLException {
        List<AuditEntry> out = readRows(connection, afterSeq, limit, rowWhere, rowValues);
        if (out.size() >= limit) {
            return out;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT first_seq, entries FROM audit_block"
                + " WHERE last_seq > ? ORDER BY last_seq")) {
            select.setLong(1, afterSeq);
            select.setFetchSize(16);
            try (ResultSet blocks = select.executeQuery()) {
                while (blocks.next()) {
                    for (AuditEntry e : decode(blocks.getLong(1), blocks.getBytes(2))) {
                        if (e.seq() > afterSeq && wanted.test(e)) {
                            out.add(e);
                            if (out.size() >= limit) {
                                return out;
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<AuditEntry> decode(long firstSeq, byte[] block) {
        try {
            return JournalRecords.decodeAll(block);
        } catch (IllegalArgumentException e) {
            throw new AuditDamageException(firstSeq, "the block of entries from it no longer decodes ("
                    + e.getMessage() + ")", e);
        }
    }

    private static List<AuditEntry> readRows(Connection connection, long afterSeq, int limit, String where,
            Object[] values) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, at_ms, actor, address, action,"
                + " target, result, prev_hash, hash, scope FROM audit_entry WHERE seq > ? AND " + where
                + " ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            select.setLong(1, afterSeq);
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 2, values[i]);
            }
            select.setInt(values.length + 2, limit);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(new AuditEntry(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3),
                            rows.getString(10), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getInt(7), rows.getString(8), rows.getString(9)));
                }
            }
            return out;
        }
    }
}
