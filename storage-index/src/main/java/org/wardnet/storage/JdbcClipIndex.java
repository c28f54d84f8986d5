package org.wardnet.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.registry.StoreUnavailableException;

/**
 * The clip index in the {@code clip} table. The longest clip's duration is kept in
 * {@code clip_bound}, raised in the same transaction as the clips that exceed it, and in memory;
 * every overlap query is then a range seek on (camera_id, start_ms) over
 * [from − longest, to). Thread-safe.
 */
public final class JdbcClipIndex implements ClipIndex {

    private static final String COLUMNS = "id, camera_id, start_ms, end_ms, media, bytes, codec, width, height,"
            + " key_frames, sha256, origin";
    private static final String INSERT = "INSERT INTO clip (camera_id, start_ms, end_ms, media, bytes, codec, width,"
            + " height, key_frames, sha256, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String OVERLAP = "SELECT " + COLUMNS + " FROM clip WHERE camera_id = ? AND start_ms >= ?"
            + " AND start_ms < ? AND end_ms > ?";

    private final DataSource dataSource;
    private final AtomicLong longest = new AtomicLong();

    public JdbcClipIndex(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection();
                Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("SELECT bound FROM clip_bound WHERE name = 'longest_ms'")) {
            longest.set(row.next() ? row.getLong(1) : 0);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the clip index bound: " + e.getMessage(), e);
        }
    }

    /** The longest clip indexed, in milliseconds. */
    public long longestMillis() {
        return longest.get();
    }

    @Override
    public List<Long> add(List<Clip> clips) {
        if (clips.isEmpty()) {
            return List.of();
        }
        long batchLongest = clips.stream().mapToLong(Clip::durationMillis).max().orElse(0);
        List<Long> ids = new ArrayList<>(clips.size());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"})) {
                for (Clip clip : clips) {
                    bind(insert, clip);
                    insert.addBatch();
                }
                insert.executeBatch();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
                if (batchLongest > longest.get()) {
                    try (PreparedStatement raise = connection.prepareStatement(
                            "UPDATE clip_bound SET bound = ? WHERE name = 'longest_ms' AND bound < ?")) {
                        raise.setLong(1, batchLongest);
                        raise.setLong(2, batchLongest);
                        raise.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot index clips: " + e.getMessage(), e);
        }
        longest.accumulateAndGet(batchLongest, Math::max); // only after commit: a seek never misses a row
        if (ids.size() != clips.size()) {
            throw new StoreUnavailableException("the store returned " + ids.size() + " ids for " + clips.size()
                    + " clips", null);
        }
        return ids;
    }

    private static void bind(PreparedStatement insert, Clip clip) throws SQLException {
        insert.setString(1, clip.cameraId());
        insert.setLong(2, clip.start().toEpochMilli());
        insert.setLong(3, clip.end().toEpochMilli());
        insert.setString(4, clip.media());
        setLong(insert, 5, clip.bytes());
        insert.setString(6, clip.codec());
        setInt(insert, 7, clip.width());
        setInt(insert, 8, clip.height());
        setInt(insert, 9, clip.keyFrames());
        insert.setString(10, clip.sha256());
        insert.setString(11, clip.origin().name());
    }

    @Override
    public Optional<Clip> get(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM clip WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read clip " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Clip> overlapping(String cameraId, Instant from, Instant to, Cursor after, int limit) {
        String sql = OVERLAP + (after == null ? "" : " AND (start_ms > ? OR (start_ms = ? AND id > ?))")
                + " ORDER BY start_ms, id FETCH FIRST ? ROWS ONLY";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            int i = bindWindow(select, cameraId, from, to);
            if (after != null) {
                select.setLong(i++, after.startMillis());
                select.setLong(i++, after.startMillis());
                select.setLong(i++, after.id());
            }
            select.setInt(i, limit);
            List<Clip> clips = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    clips.add(read(rows));
                }
            }
            return clips;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot query clips of " + cameraId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> withFootage(List<String> cameraIds, Instant from, Instant to) {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM clip WHERE camera_id = ?"
                        + " AND start_ms >= ? AND start_ms < ? AND end_ms > ? FETCH FIRST 1 ROWS ONLY")) {
            for (String cameraId : cameraIds) {
                bindWindow(exists, cameraId, from, to);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        found.add(cameraId);
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot query coverage: " + e.getMessage(), e);
        }
    }

    /** Binds camera, [from − longest, to) on start and end > from; returns the next parameter index. */
    private int bindWindow(PreparedStatement statement, String cameraId, Instant from, Instant to) throws SQLException {
        statement.setString(1, cameraId);
        statement.setLong(2, from.toEpochMilli() - longest.get());
        statement.setLong(3, to.toEpochMilli());
        statement.setLong(4, from.toEpochMilli());
        return 5;
    }

    private static Clip read(ResultSet row) throws SQLException {
        return new Clip(row.getLong(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3)),
                Instant.ofEpochMilli(row.getLong(4)), row.getString(5), (Long) row.getObject(6, Long.class),
                row.getString(7), row.getObject(8, Integer.class), row.getObject(9, Integer.class),
                row.getObject(10, Integer.class), row.getString(11), ClipOrigin.valueOf(row.getString(12)));
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
