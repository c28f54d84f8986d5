package org.wardnet.storage.access;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.core.audit.AuditDamageException;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.storage.Transactions;

/**
 * The audit trail in the database ({@link AuditTables}: blocks of entries), one chain however many servers write it: an append
 * locks the {@code 'audit'} row of {@code store_lock} in its transaction, reads the chain's tail
 * under that lock and links its entries to it, so a second server appending at the same time
 * waits and then links to the first one's entries. Appends within this process are serialised
 * here as well, so they do not queue for the row lock on several connections.
 *
 * <p>Limits: appends from all servers take turns on one row; each costs the lock, a read of the
 * tail (the last block) and the insert of a block.
 */
public final class JdbcAuditStore implements AuditStore {

    private final DataSource dataSource;

    public JdbcAuditStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public synchronized List<AuditEntry> append(List<AuditEntry.Draft> drafts) {
        List<AuditEntry> linked = new ArrayList<>(drafts.size());
        try {
            Transactions.run(dataSource, connection -> {
                lockChain(connection);
                Head tail = AuditTables.last(connection); // under the lock: another server may have appended since
                linked.addAll(linkStorable(tail, drafts));
                AuditTables.insert(connection, EncodedEntries.blocksOf(linked));
            });
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot append to the audit trail: " + e.getMessage(), e);
        }
        return linked;
    }

    /** Links drafts after {@code tail}, each first cut to what the table can hold ({@link #storable}). */
    static List<AuditEntry> linkStorable(Head tail, List<AuditEntry.Draft> drafts) {
        List<AuditEntry.Draft> storable = new ArrayList<>(drafts.size());
        for (AuditEntry.Draft d : drafts) {
            storable.add(storable(d));
        }
        return AuditChain.linkAll(tail.seq(), tail.hash(), storable);
    }

    /**
     * Stores spans of entries journaled (and linked) elsewhere, continuing the stored chain; spans
     * the store already holds are skipped, so storing again after a failure is harmless.
     *
     * @throws IllegalStateException when the spans do not continue the stored chain
     */
    void storeSpans(List<JournalSpan> spans) {
        try {
            Transactions.run(dataSource, connection -> {
                lockChain(connection);
                Head tail = AuditTables.last(connection);
                List<JournalSpan> fresh = new ArrayList<>(spans.size());
                for (JournalSpan span : spans) {
                    if (span.lastSeq() > tail.seq()) {
                        fresh.add(span);
                    }
                }
                if (fresh.isEmpty()) {
                    return;
                }
                JournalSpan first = fresh.get(0);
                if (first.firstSeq() != tail.seq() + 1
                        || (first.previousHash() != null && !first.previousHash().equals(tail.hash()))) {
                    throw new IllegalStateException("audit entry " + first.firstSeq() + " does not continue the stored"
                            + " trail, which ends at entry " + tail.seq());
                }
                AuditTables.insertSpans(connection, fresh);
            });
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot store audit entries: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the entries that spans point to out of {@code journal} into blocks of the database,
     * a span at a time (its blocks in and its row out in one transaction): for a store about to be
     * read without its journal (copied into another database, or opened with the journal off).
     *
     * @return how many entries were folded
     */
    long foldSpans(AuditTables.SpanSource journal) {
        long folded = 0;
        try {
            List<JournalSpan> spans;
            try (Connection connection = dataSource.getConnection()) {
                spans = AuditTables.spans(connection);
            }
            for (JournalSpan span : spans) {
                byte[] bytes = journal.read(span.segment(), span.from(), span.to());
                List<EncodedEntries> blocks = EncodedEntries.cut(bytes, bytes.length);
                if (blocks.get(0).first().seq() != span.firstSeq()
                        || blocks.get(blocks.size() - 1).last().seq() != span.lastSeq()) {
                    throw new AuditDamageException(span.firstSeq(), "the journal's records of the entries from it"
                            + " are not those its span names (to entry " + span.lastSeq() + ")", null);
                }
                Transactions.run(dataSource, connection -> {
                    lockChain(connection);
                    AuditTables.insert(connection, blocks);
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM audit_span WHERE first_seq = ?")) {
                        delete.setLong(1, span.firstSeq());
                        delete.executeUpdate();
                    }
                });
                folded += span.entries();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot fold the audit journal's spans into the database: "
                    + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new StoreUnavailableException("cannot read the audit journal: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new AuditDamageException(0, "the audit journal's records do not hold together (" + e.getMessage()
                    + ")", e);
        }
        return folded;
    }

    /** Where the entries the database holds in its own rows and blocks end (before any span). */
    Head lastOutsideSpans() {
        try (Connection connection = dataSource.getConnection()) {
            return AuditTables.lastOutsideSpans(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the audit trail's end: " + e.getMessage(), e);
        }
    }

    /** Whether part of the trail lies in a journal's segments (spans), so reading it needs that journal. */
    public boolean indexesJournal() {
        return lastSpan() != null;
    }

    /** The last span stored, or null. */
    JournalSpan lastSpan() {
        try (Connection connection = dataSource.getConnection()) {
            return AuditTables.lastSpan(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the audit trail's end: " + e.getMessage(), e);
        }
    }

    /** Replaces every span with {@code spans} (the journal's own account of its entries), in one transaction. */
    void replaceSpans(List<JournalSpan> spans) {
        try {
            Transactions.run(dataSource, connection -> {
                lockChain(connection);
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_span")) {
                    delete.executeUpdate();
                }
                AuditTables.insertSpans(connection, spans);
            });
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot store audit entries: " + e.getMessage(), e);
        }
    }

    @Override
    public Head head() {
        try (Connection connection = dataSource.getConnection()) {
            return AuditTables.last(connection); // from the store: another server may have appended
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the audit trail's end: " + e.getMessage(), e);
        }
    }

    /**
     * A draft cut to the widths the trail keeps (those of {@code audit_entry}'s columns, well inside a
     * journal record's bound), before hashing, so what is stored is what was hashed and an entry once
     * linked can always be stored, whatever a request sent.
     */
    static AuditEntry.Draft storable(AuditEntry.Draft d) {
        if (fits(d.actor(), 128) && fits(d.scope(), 512) && fits(d.address(), 64) && fits(d.action(), 64)
                && fits(d.target(), 2048)) {
            return d; // the usual case: nothing to cut or replace, nothing to copy
        }
        return new AuditEntry.Draft(d.at(), cut(d.actor(), 128), cut(d.scope(), 512), cut(d.address(), 64),
                cut(d.action(), 64), cut(d.target(), 2048), d.result());
    }

    /**
     * Also replaces a lone surrogate half (which UTF-8 cannot carry) the way the encoder does, so the
     * text hashed is the text that comes back from the database or the journal.
     */
    private static String cut(String text, int width) {
        if (text == null) {
            return null;
        }
        String cut = text.length() <= width ? text : text.substring(0, width);
        for (int i = 0; i < cut.length(); i++) {
            if (Character.isSurrogate(cut.charAt(i))) {
                return new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        }
        return cut;
    }

    /** Whether {@code text} is kept as it is: within {@code width} and without a surrogate. */
    private static boolean fits(String text, int width) {
        if (text == null) {
            return true;
        }
        if (text.length() > width) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void lockChain(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT name FROM store_lock WHERE name = 'audit' FOR UPDATE");
                ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("store_lock has no 'audit' row: the store's migrations are incomplete");
            }
        }
    }

    @Override
    public List<AuditEntry> read(long afterSeq, int limit) {
        return read(afterSeq, limit, null);
    }

    /** As {@link #read(long, int)}, with the journal that the store's spans point into. */
    List<AuditEntry> read(long afterSeq, int limit, AuditTables.SpanSource journal) {
        return select(afterSeq, limit, "TRUE", new Object[0], e -> true, journal);
    }

    /** A scan of the trail (targets are not indexed): meant for one case's export, not for every request. */
    @Override
    public List<AuditEntry> about(String path, int limit) {
        return about(path, limit, null);
    }

    /** As {@link #about(String, int)}, with the journal that the store's spans point into. */
    List<AuditEntry> about(String path, int limit, AuditTables.SpanSource journal) {
        String escaped = path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return select(0, limit, "(target = ? OR target LIKE ? ESCAPE '\\' OR target LIKE ? ESCAPE '\\')",
                new Object[] {path, escaped + "/%", escaped + "?%"}, e -> isAbout(e.target(), path), journal);
    }

    private static boolean isAbout(String target, String path) {
        return target != null && target.startsWith(path) && (target.length() == path.length()
                || target.charAt(path.length()) == '/' || target.charAt(path.length()) == '?');
    }

    private List<AuditEntry> select(long afterSeq, int limit, String rowWhere, Object[] rowValues,
            Predicate<AuditEntry> wanted, AuditTables.SpanSource journal) {
        try (Connection connection = dataSource.getConnection()) {
            return AuditTables.read(connection, afterSeq, limit, rowWhere, rowValues, wanted, journal);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }
}
