package org.wardnet.storage.access;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.storage.Transactions;

/**
 * The audit trail in {@code audit_entry}, one chain however many servers write it: an append
 * locks the {@code 'audit'} row of {@code store_lock} in its transaction, reads the chain's tail
 * under that lock and links its entries to it, so a second server appending at the same time
 * waits and then links to the first one's entries. Appends within this process are serialised
 * here as well, so they do not queue for the row lock on several connections.
 *
 * <p>Limits: appends from all servers take turns on one row; each costs the lock, a read of the
 * tail (the primary key's last entry) and the batch insert.
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
                Head tail = readLast(connection); // under the lock: another server may have appended since
                long seq = tail.seq();
                String previous = tail.hash();
                for (AuditEntry.Draft draft : drafts) {
                    AuditEntry e = AuditChain.link(++seq, storable(draft), previous);
                    previous = e.hash();
                    linked.add(e);
                }
                insert(connection, linked);
            });
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot append to the audit trail: " + e.getMessage(), e);
        }
        return linked;
    }

    /**
     * Stores entries linked elsewhere (by the journal), continuing the stored chain. Entries the
     * store already holds are skipped, so storing a batch again after a failure is harmless.
     *
     * @throws IllegalStateException when the entries do not continue the stored chain
     */
    public void store(List<AuditEntry> linkedEntries) {
        try {
            Transactions.run(dataSource, connection -> {
                lockChain(connection);
                Head tail = readLast(connection);
                List<AuditEntry> fresh = linkedEntries.stream().filter(e -> e.seq() > tail.seq()).toList();
                if (fresh.isEmpty()) {
                    return;
                }
                AuditEntry first = fresh.get(0);
                if (first.seq() != tail.seq() + 1 || !first.previousHash().equals(tail.hash())) {
                    throw new IllegalStateException("audit entry " + first.seq() + " does not continue the stored"
                            + " trail, which ends at entry " + tail.seq());
                }
                insert(connection, fresh);
            });
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot store audit entries: " + e.getMessage(), e);
        }
    }

    private static void insert(Connection connection, List<AuditEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (seq, at_ms, actor,"
                + " address, action, target, result, prev_hash, hash, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry e : entries) {
                insert.setLong(1, e.seq());
                insert.setLong(2, e.at().toEpochMilli());
                insert.setString(3, e.actor());
                insert.setString(4, e.address());
                insert.setString(5, e.action());
                insert.setString(6, e.target());
                insert.setInt(7, e.result());
                insert.setString(8, e.previousHash());
                insert.setString(9, e.hash());
                insert.setString(10, e.scope());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public Head head() {
        try (Connection connection = dataSource.getConnection()) {
            return readLast(connection); // from the store: another server may have appended
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the audit trail's end: " + e.getMessage(), e);
        }
    }

    /**
     * A draft cut to the columns' widths, before hashing, so what is stored is what was hashed and
     * an entry once linked can always be stored (an over-long field would otherwise be refused by
     * the database after the journal had acknowledged it).
     */
    static AuditEntry.Draft storable(AuditEntry.Draft d) {
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

    private static void lockChain(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT name FROM store_lock WHERE name = 'audit' FOR UPDATE");
                ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("store_lock has no 'audit' row: the store's migrations are incomplete");
            }
        }
    }

    private static Head readLast(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, hash FROM audit_entry ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY");
                ResultSet row = select.executeQuery()) {
            return row.next() ? new Head(row.getLong(1), row.getString(2)) : new Head(0, AuditChain.GENESIS);
        }
    }

    @Override
    public List<AuditEntry> read(long afterSeq, int limit) {
        return select("seq > ?", limit, afterSeq);
    }

    /** A scan of the trail (targets are not indexed): meant for one case's export, not for every request. */
    @Override
    public List<AuditEntry> about(String path, int limit) {
        String escaped = path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return select("(target = ? OR target LIKE ? ESCAPE '\\' OR target LIKE ? ESCAPE '\\')", limit, path,
                escaped + "/%", escaped + "?%");
    }

    private List<AuditEntry> select(String where, int limit, Object... values) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT seq, at_ms, actor, address, action,"
                        + " target, result, prev_hash, hash, scope FROM audit_entry WHERE " + where + " ORDER BY seq"
                        + " FETCH FIRST ? ROWS ONLY")) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            select.setInt(values.length + 1, limit);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(new AuditEntry(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3),
                            rows.getString(10), rows.getString(4), rows.getString(5), rows.getString(6), rows.getInt(7), rows.getString(8),
                            rows.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }
}
