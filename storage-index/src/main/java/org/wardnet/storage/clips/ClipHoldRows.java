package org.wardnet.storage.clips;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.storage.Transactions;

/** The clip index's holds ({@code clip_hold}): a held clip is never deleted by retention. */
final class ClipHoldRows {

    private final DataSource dataSource;

    ClipHoldRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Set<Long> held(List<Long> ids) {
        Set<Long> held = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT 1 FROM clip_hold WHERE clip_id = ?")) {
            for (long id : ids) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        held.add(id);
                    }
                }
            }
            return held;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read holds: " + e.getMessage(), e);
        }
    }

    void hold(long clipId, String reason, Instant at) {
        try {
            Transactions.run(dataSource, connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM clip_hold WHERE clip_id = ?");
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO clip_hold (clip_id, reason, created_at) VALUES (?, ?, ?)")) {
                    delete.setLong(1, clipId);
                    delete.executeUpdate();
                    insert.setLong(1, clipId);
                    insert.setString(2, reason);
                    insert.setObject(3, at.atOffset(ZoneOffset.UTC));
                    insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot hold clip " + clipId + ": " + e.getMessage(), e);
        }
    }

    boolean release(long clipId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM clip_hold WHERE clip_id = ?")) {
            delete.setLong(1, clipId);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot release clip " + clipId + ": " + e.getMessage(), e);
        }
    }

    Optional<String> holdOf(long clipId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT reason FROM clip_hold WHERE clip_id = ?")) {
            select.setLong(1, clipId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the hold of clip " + clipId + ": " + e.getMessage(), e);
        }
    }
}
