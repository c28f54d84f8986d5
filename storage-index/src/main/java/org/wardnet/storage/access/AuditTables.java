package org.wardnet.storage.access;

import java.io.IOException;
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
 * The SQL of the audit trail's three tables, in the order their entries come: {@code audit_entry},
 * a row per entry, holds the entries written before blocks existed; {@code audit_block} holds
 * consecutive entries per row in the journal's record layout ({@link JournalRecords}), as a
 * store without a journal writes them; {@code audit_span} says where in the journal's segments
 * the entries after them lie (a journaled store's appends, whose bytes are written once, to the
 * journal). A read goes through rows, then blocks, then spans.
 *
 * <p>Limits: a block or span is read whole (a span holds what one indexing pass took, up to some
 * tens of thousands of entries), though only the entries returned are decoded; a damaged block or
 * span fails the read, naming it, rather than being skipped; spans are readable only with the
 * journal they point into ({@link SpanSource}).
 */
final class AuditTables {

    /** The bytes of journal spans: the journal's segments. */
    interface SpanSource {
        byte[] read(long segment, long from, long to) throws IOException;
    }

    private AuditTables() {
    }

    /** Where the stored trail ends: its last span's, else its last block's, else its last row's, else the genesis. */
    static Head last(Connection connection) throws SQLException {
        try (PreparedStatement span = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_span ORDER BY last_seq DESC FETCH FIRST 1 ROWS ONLY");
                ResultSet found = span.executeQuery()) {
            if (found.next()) {
                return new Head(found.getLong(1), found.getString(2));
            }
        }
        return lastOutsideSpans(connection);
    }

    /** Where the entries held in the database's own rows and blocks end (those before any span). */
    static Head lastOutsideSpans(Connection connection) throws SQLException {
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

    /** Stores spans of journaled entries, in order, a row each. */
    static void insertSpans(Connection connection, List<JournalSpan> spans) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_span (first_seq, last_seq,"
                + " last_hash, segment, byte_from, byte_to) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (JournalSpan span : spans) {
                insert.setLong(1, span.firstSeq());
                insert.setLong(2, span.lastSeq());
                insert.setString(3, span.lastHash());
                insert.setLong(4, span.segment());
                insert.setLong(5, span.from());
                insert.setLong(6, span.to());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The last span, or null when there is none. */
    static JournalSpan lastSpan(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT first_seq, last_seq, last_hash, segment,"
                + " byte_from, byte_to FROM audit_span ORDER BY last_seq DESC FETCH FIRST 1 ROWS ONLY");
                ResultSet row = select.executeQuery()) {
            return row.next() ? new JournalSpan(row.getLong(1), row.getLong(2), row.getString(3), row.getLong(4),
                    row.getLong(5), row.getLong(6), null) : null;
        }
    }

    /** The spans the database holds, in order (for folding them into blocks). */
    static List<JournalSpan> spans(Connection connection) throws SQLException {
        List<JournalSpan> spans = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT first_seq, last_seq, last_hash, segment,"
                + " byte_from, byte_to FROM audit_span ORDER BY last_seq");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                spans.add(new JournalSpan(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getLong(4),
                        rows.getLong(5), rows.getLong(6), null));
            }
        }
        return spans;
    }

    /**
     * Up to {@code limit} entries after {@code afterSeq} that {@code wanted} accepts, by sequence;
     * spans are read through {@code journal} (null: the store has none to read them with).
     */
    static List<AuditEntry> read(Connection connection, long afterSeq, int limit, String rowWhere,
            Object[] rowValues, Predicate<AuditEntry> wanted, SpanSource journal) throws SQLException {
        List<AuditEntry> out = readRows(connection, afterSeq, limit, rowWhere, rowValues);
        if (out.size() >= limit) {
            return out;
        }
        if (readBlocks(connection, afterSeq, limit, wanted, out)) {
            return out;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT first_seq, last_seq, segment, byte_from,"
                + " byte_to FROM audit_span WHERE last_seq > ? ORDER BY last_seq")) {
            select.setLong(1, afterSeq);
            select.setFetchSize(64);
            try (ResultSet spans = select.executeQuery()) {
                while (spans.next()) {
                    if (journal == null) {
                        throw new IllegalStateException("the audit trail goes on in its journal's segments from entry "
                                + spans.getLong(1) + ", and this store was opened without its journal");
                    }
                    if (readSpan(spans.getLong(1), spans.getLong(2), spanBytes(journal, spans), afterSeq, limit,
                            wanted, out)) {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    private static byte[] spanBytes(SpanSource journal, ResultSet span) throws SQLException {
        long first = span.getLong(1);
        try {
            return journal.read(span.getLong(3), span.getLong(4), span.getLong(5));
        } catch (IOException e) {
            throw new AuditDamageException(first, "the journal no longer holds the entries from it (" + e.getMessage()
                    + ")", e);
        }
    }

    /**
     * Adds a span's entries after {@code afterSeq} that {@code wanted} accepts, decoding only those
     * past {@code afterSeq}; true when {@code out} has reached {@code limit}.
     */
    private static boolean readSpan(long firstSeq, long lastSeq, byte[] records, long afterSeq, int limit,
            Predicate<AuditEntry> wanted, List<AuditEntry> out) {
        long expected = firstSeq;
        try {
            for (int at = 0; at < records.length; at += JournalRecords.recordLengthAt(records, at)) {
                long seq = JournalRecords.seqAt(records, at);
                if (seq != expected) {
                    throw new IllegalArgumentException("the record at byte " + at + " holds entry " + seq + ", not "
                            + expected);
                }
                expected++;
                if (seq > afterSeq) {
                    AuditEntry entry = JournalRecords.decodeAt(records, at);
                    if (wanted.test(entry)) {
                        out.add(entry);
                        if (out.size() >= limit) {
                            return true;
                        }
                    }
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new AuditDamageException(Math.max(expected, firstSeq), "the journal's records of the entries from "
                    + firstSeq + " no longer hold together (" + e.getMessage() + ")", e);
        }
        if (expected != lastSeq + 1) {
            throw new AuditDamageException(firstSeq, "the journal's records of the entries from it end at entry "
                    + (expected - 1) + ", not at " + lastSeq, null);
        }
        return false;
    }

    /** Adds the blocks' entries; true when {@code out} has reached {@code limit}. */
    private static boolean readBlocks(Connection connection, long afterSeq, int limit, Predicate<AuditEntry> wanted,
            List<AuditEntry> out) throws SQLException {
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
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
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
