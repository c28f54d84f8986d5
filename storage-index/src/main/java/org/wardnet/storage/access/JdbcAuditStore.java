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
     * Stores entries linked elsewhere (by the journal), continuing the stored chain. Entries the
     * store already holds are skipped, so storing a batch again after a failure is harmless.
     *
     * @throws IllegalStateException when the entries do not continue the stored chain
     */
    public void store(List<AuditEntry> linkedEntries) {
        storeEncoded(EncodedEntries.blocksOf(linkedEntries));
    }

    /** As {@link #store}, for entries already encoded in blocks (by the journal), each stored as a row. */
    void storeEncoded(List<EncodedEntries> blocks) {
        try {
            Transactions.run(dataSource, connection -> {
                lockChain(connection);
                Head tail = AuditTables.last(connection);
                List<EncodedEntries> fresh = new ArrayList<>(blocks.size());
                for (EncodedEntries block : blocks) {
                    if (block.last().seq() > tail.seq()) {
                        fresh.add(block.first().seq() > tail.seq() ? block : block.after(tail.seq()));
                    }
                }
                if (fresh.isEmpty()) {
                    return;
                }
                AuditEntry first = fresh.get(0).first();
                if (first.seq() != tail.seq() + 1 || !first.previousHash().equals(tail.hash())) {
                    throw new IllegalStateException("audit entry " + first.seq() + " does not continue the stored"
                            + " trail, which ends at entry " + tail.seq());
                }
                AuditTables.insert(connection, fresh);
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
        return select(afterSeq, limit, "TRUE", new Object[0], e -> true);
    }

    /** A scan of the trail (targets are not indexed): meant for one case's export, not for every request. */
    @Override
    public List<AuditEntry> about(String path, int limit) {
        String escaped = path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return select(0, limit, "(target = ? OR target LIKE ? ESCAPE '\\' OR target LIKE ? ESCAPE '\\')",
                new Object[] {path, escaped + "/%", escaped + "?%"}, e -> isAbout(e.target(), path));
    }

    private static boolean isAbout(String target, String path) {
        return target != null && target.startsWith(path) && (target.length() == path.length()
                || target.charAt(path.length()) == '/' || target.charAt(path.length()) == '?');
    }

    private List<AuditEntry> select(long afterSeq, int limit, String rowWhere, Object[] rowValues,
            Predicate<AuditEntry> wanted) {
        try (Connection connection = dataSource.getConnection()) {
            return AuditTables.read(connection, afterSeq, limit, rowWhere, rowValues, wanted);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }
}
