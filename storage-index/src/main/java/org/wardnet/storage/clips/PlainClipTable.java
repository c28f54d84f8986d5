package org.wardnet.storage.clips;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.wardnet.core.clips.Clip;

/**
 * The clip table as one plain table (H2, and any store without partitions): batched
 * {@code INSERT}s in, {@code DELETE}s by hour out.
 */
final class PlainClipTable implements ClipTable {

    private static final String DELETABLE = " origin = 'RECORDED' AND node_id IS NULL"
            + " AND NOT EXISTS (SELECT 1 FROM clip_hold h WHERE h.clip_id = clip.id)";
    private static final String INSERT = "INSERT INTO clip (id, start_hour, camera_id, start_ms, end_ms, media, bytes,"
            + " codec, width, height, key_frames, sha256, origin, node_id, node_clip_id, synced_seq, slice)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public void prepare(int[] hours) {
        // one table takes every hour
    }

    @Override
    public void write(Connection connection, List<Clip> clips, int[] order, long[] ids, int[] slice,
            Long syncedSeq) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i : order) {
                Clip clip = clips.get(i);
                insert.setLong(1, ids[i]);
                insert.setInt(2, ClipHours.hourOf(clip.start().toEpochMilli()));
                insert.setString(3, clip.cameraId());
                insert.setLong(4, clip.start().toEpochMilli());
                insert.setLong(5, clip.end().toEpochMilli());
                insert.setString(6, clip.media());
                setLong(insert, 7, clip.bytes());
                insert.setString(8, clip.codec());
                setInt(insert, 9, clip.width());
                setInt(insert, 10, clip.height());
                setInt(insert, 11, clip.keyFrames());
                insert.setString(12, clip.sha256());
                insert.setString(13, clip.origin().name());
                String node = clip.heldByNode();
                insert.setString(14, node);
                setLong(insert, 15, node == null ? null : clip.nodeClipId());
                setLong(insert, 16, syncedSeq);
                insert.setInt(17, slice[i]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public String nextIdBlockSql() {
        return "SELECT NEXT VALUE FOR clip_id_block";
    }

    @Override
    public int hoursPerPart() {
        return 1;
    }

    @Override
    public long deleteHours(DataSource dataSource, int first, int last) throws SQLException {
        return deleteRows(dataSource, first, last);
    }

    /** Deletes the deletable rows of hours [first, last], an hour per transaction. */
    static long deleteRows(DataSource dataSource, int first, int last) throws SQLException {
        long deleted = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM clip WHERE start_hour = ? AND" + DELETABLE)) {
            for (int hour = first; hour <= last; hour++) {
                delete.setInt(1, hour);
                deleted += delete.executeUpdate();
            }
        }
        return deleted;
    }

    /**
     * 8,192: a slice is about 200 index pages of H2, and one-minute clips of 12,414 cameras make
     * about 90 slices an hour (a substation's 1,500, eleven); each a seek of a camera's window.
     */
    @Override
    public int rowsPerSlice() {
        return 8_192;
    }

    @Override
    public String sliceCondition() {
        return "slice = ?";
    }

    @Override
    public List<int[]> sliceGroups(int[] reach) {
        List<int[]> groups = new ArrayList<>(reach.length);
        for (int slice : reach) {
            groups.add(new int[] {slice});
        }
        return groups;
    }

    @Override
    public void bindSlices(Connection connection, PreparedStatement statement, int index, int[] group)
            throws SQLException {
        statement.setInt(index, group[0]);
    }

    @Override
    public PreparedStatement query(Connection connection, String sql) throws SQLException {
        return connection.prepareStatement(sql);
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
