package org.wardnet.storage.track;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.track.Sighting;
import org.wardnet.core.track.SightingStore;
import org.wardnet.storage.Transactions;

/** Sightings in the {@code sighting} table, found by (kind, value, time). Thread-safe. */
public final class JdbcSightingStore implements SightingStore {

    private final DataSource dataSource;

    public JdbcSightingStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<Long> add(List<Sighting> sightings) {
        List<Long> ids = new ArrayList<>(sightings.size());
        try {
            Transactions.run(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO sighting (camera_id, time_ms, kind, val, confidence) VALUES (?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    for (Sighting s : sightings) {
                        insert.setString(1, s.cameraId());
                        insert.setLong(2, s.time().toEpochMilli());
                        insert.setString(3, s.kind().name());
                        insert.setString(4, s.value());
                        if (s.confidence() == null) {
                            insert.setNull(5, Types.DOUBLE);
                        } else {
                            insert.setDouble(5, s.confidence());
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        while (keys.next()) {
                            ids.add(keys.getLong(1));
                        }
                    }
                }
            });
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot store sightings: " + e.getMessage(), e);
        }
        return ids;
    }

    @Override
    public List<Sighting> find(Sighting.Kind kind, String value, Instant from, Instant to, long[] after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, camera_id, time_ms, kind, val, confidence FROM sighting"
                + " WHERE kind = ?");
        if (value != null) {
            sql.append(" AND val = ?");
        }
        sql.append(" AND time_ms >= ? AND time_ms < ?");
        if (after != null) {
            sql.append(" AND (time_ms > ? OR (time_ms = ? AND id > ?))");
        }
        sql.append(" ORDER BY time_ms, id FETCH FIRST ? ROWS ONLY");
        try (var connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int i = 1;
            select.setString(i++, kind.name());
            if (value != null) {
                select.setString(i++, value);
            }
            select.setLong(i++, from.toEpochMilli());
            select.setLong(i++, to.toEpochMilli());
            if (after != null) {
                select.setLong(i++, after[0]);
                select.setLong(i++, after[0]);
                select.setLong(i++, after[1]);
            }
            select.setInt(i, limit);
            List<Sighting> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    double confidence = rows.getDouble(6);
                    out.add(new Sighting(rows.getLong(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)),
                            Sighting.Kind.valueOf(rows.getString(4)), rows.getString(5),
                            rows.wasNull() ? null : confidence));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read sightings: " + e.getMessage(), e);
        }
    }
}
