package org.wardnet.storage.federation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.federation.SyncProgress;
import org.wardnet.storage.Transactions;

/** Each child node's acknowledged sequence in table {@code sync_progress}; it only ever goes up. */
public final class JdbcSyncProgress implements SyncProgress {

    private final DataSource dataSource;

    public JdbcSyncProgress(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long acked(String node) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT acked_seq FROM sync_progress WHERE node_id = ?")) {
            select.setString(1, node);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the sync progress", e);
        }
    }

    @Override
    public void acked(String node, long seq, Instant at) {
        try {
            Transactions.run(dataSource, connection -> record(connection, node, seq, at));
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot record the sync progress", e);
        }
    }

    /** Records {@code node}'s progress in the caller's transaction, so that it commits with what was applied. */
    public static void record(Connection connection, String node, long seq, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sync_progress SET"
                + " acked_seq = GREATEST(acked_seq, ?), last_push_ms = ? WHERE node_id = ?")) {
            update.setLong(1, seq);
            update.setLong(2, at.toEpochMilli());
            update.setString(3, node);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sync_progress (node_id, acked_seq, last_push_ms) VALUES (?, ?, ?)")) {
            insert.setString(1, node);
            insert.setLong(2, seq);
            insert.setLong(3, at.toEpochMilli());
            insert.executeUpdate();
        }
    }

    @Override
    public Map<String, Progress> all() {
        Map<String, Progress> all = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT node_id, acked_seq, last_push_ms FROM sync_progress");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                all.put(rows.getString(1), new Progress(rows.getLong(2), Instant.ofEpochMilli(rows.getLong(3))));
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the sync progress", e);
        }
        return all;
    }
}
