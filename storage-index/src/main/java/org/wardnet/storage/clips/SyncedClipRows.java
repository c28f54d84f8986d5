package org.wardnet.storage.clips;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wardnet.core.clips.Clip;

/**
 * A child node's clip rows in this node's clip index, written in the caller's transaction: a
 * clip is found again by (node, the node's id for it), so a row pushed twice (a child restored
 * from a backup, say) is updated in place, keeping its id here, instead of doubled. The rows go
 * through the index's own insert, so ids and the longest-clip bound stay the index's.
 */
public final class SyncedClipRows {

    private static final String UPDATE = "UPDATE clip SET start_hour = ?, camera_id = ?, start_ms = ?, end_ms = ?,"
            + " bytes = ?, codec = ?, width = ?, height = ?, key_frames = ?, sha256 = ?, origin = ?, synced_seq = ?,"
            + " slice = ? WHERE id = ?";

    private final JdbcClipIndex index;

    public SyncedClipRows(JdbcClipIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    /**
     * Where in the index {@code clips} will go (by position): call before the transaction that
     * {@linkplain #put puts} them, not inside it (it may store a new slice of the index on a
     * connection of its own).
     */
    public int[] slices(List<Clip> clips) throws SQLException {
        return clips.isEmpty() ? new int[0] : index.slices(clips);
    }

    /**
     * Puts {@code node}'s clips (each with the node's id for it), in the index's {@code slices} for
     * them (from {@link #slices}), marked with the push's sequence number {@code seq}, and answers
     * them as stored here: with this index's ids and media naming the node.
     */
    public List<Clip> put(Connection connection, String node, List<Clip> clips, int[] slices, long seq)
            throws SQLException {
        if (clips.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> existing = existing(connection, node, clips);
        List<Clip> fresh = new ArrayList<>();
        List<Integer> freshSlices = new ArrayList<>();
        List<Clip> stored = new ArrayList<>(clips.size());
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (int i = 0; i < clips.size(); i++) {
                Clip clip = clips.get(i);
                Clip here = clip.withMedia(Clip.onNode(node, clip.id()));
                Long id = existing.get(clip.id());
                if (id == null) {
                    fresh.add(here);
                    freshSlices.add(slices[i]);
                    continue;
                }
                bindUpdate(update, here, id, seq, slices[i]);
                update.addBatch();
                stored.add(here.withId(id));
            }
            if (!stored.isEmpty()) {
                index.raiseBound(connection, stored);
                update.executeBatch();
            }
        }
        List<Long> ids = index.insert(connection, fresh, freshSlices.stream().mapToInt(Integer::intValue).toArray(),
                seq);
        for (int i = 0; i < fresh.size(); i++) {
            stored.add(fresh.get(i).withId(ids.get(i)));
        }
        return stored;
    }

    /** Deletes {@code node}'s clips of the node's ids {@code nodeIds} that no hold keeps; answers their ids here. */
    public List<Long> delete(Connection connection, String node, List<Long> nodeIds) throws SQLException {
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        List<Long> local = new ArrayList<>(nodeIds.size());
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM clip WHERE node_id = ? AND node_clip_id = ?")) {
            for (long nodeId : nodeIds) {
                select.setString(1, node);
                select.setLong(2, nodeId);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        local.add(row.getLong(1));
                    }
                }
            }
        }
        return local.isEmpty() ? List.of() : index.deleteUnheld(connection, local);
    }

    /**
     * Deletes {@code node}'s clips that no push since {@code seq} wrote (and no hold keeps): what a
     * full re-send starting at {@code seq} did not name. Answers their ids here.
     */
    public List<Long> deleteStale(Connection connection, String node, long seq) throws SQLException {
        List<Long> stale = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM clip WHERE node_id = ? AND (synced_seq IS NULL OR synced_seq < ?)")) {
            select.setString(1, node);
            select.setLong(2, seq);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stale.add(rows.getLong(1));
                }
            }
        }
        return stale.isEmpty() ? List.of() : index.deleteUnheld(connection, stale);
    }

    /** Notes that clips {@linkplain #put put} in a transaction have committed. */
    public void committed(List<Clip> clips) {
        index.committed(clips);
    }

    /** The node's ids among {@code clips} already held here, with their ids here: one range seek. */
    private static Map<Long, Long> existing(Connection connection, String node, List<Clip> clips) throws SQLException {
        long low = clips.stream().mapToLong(Clip::id).min().orElseThrow();
        long high = clips.stream().mapToLong(Clip::id).max().orElseThrow();
        Map<Long, Long> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT node_clip_id, id FROM clip"
                + " WHERE node_id = ? AND node_clip_id BETWEEN ? AND ?")) {
            select.setString(1, node);
            select.setLong(2, low);
            select.setLong(3, high);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return found;
    }

    private static void bindUpdate(PreparedStatement update, Clip clip, long id, long seq, int slice)
            throws SQLException {
        update.setInt(1, (int) Math.floorDiv(clip.start().toEpochMilli(), 3_600_000L));
        update.setString(2, clip.cameraId());
        update.setLong(3, clip.start().toEpochMilli());
        update.setLong(4, clip.end().toEpochMilli());
        update.setObject(5, clip.bytes());
        update.setString(6, clip.codec());
        update.setObject(7, clip.width());
        update.setObject(8, clip.height());
        update.setObject(9, clip.keyFrames());
        update.setString(10, clip.sha256());
        update.setString(11, clip.origin().name());
        update.setLong(12, seq);
        update.setInt(13, slice);
        update.setLong(14, id);
    }
}
