package org.wardnet.storage.access;

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

    private static final int MAX_TARGET = 2048;

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
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (seq, at_ms, actor,"
                        + " address, action, target, result, prev_hash, hash, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (AuditEntry.Draft draft : drafts) {
                        AuditEntry e = AuditChain.link(++seq, clip(draft), previous);
                        previous = e.hash();
                        linked.add(e);
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
            });
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot append to the audit trail: " + e.getMessage(), e);
        }
        return linked;
    }

    @Override
    public Head head() {
        try (Connection connection = dataSource.getConnection()) {
            return readLast(connection); // from the store: another server may have appended
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the audit trail's end: " + e.getMessage(), e);
        }
    }

    /** A target longer than the column is cut, before hashing, so what is stored is what was hashed. */
    private static AuditEntry.Draft clip(AuditEntry.Draft d) {
        if (d.target() == null || d.target().length() <= MAX_TARGET) {
            return d;
        }
        return new AuditEntry.Draft(d.at(), d.actor(), d.scope(), d.address(), d.action(), d.target().substring(0, MAX_TARGET),
                d.result());
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
