package org.wardnet.storage.childsync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.RecordEncoder;
import org.wardnet.core.federation.SyncedChanges;
import org.wardnet.core.federation.SyncedState;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.storage.Transactions;
import org.wardnet.storage.clips.SyncedClipRows;
import org.wardnet.storage.federation.JdbcSyncJournal;
import org.wardnet.storage.federation.JdbcSyncProgress;
import org.wardnet.storage.health.JdbcHealthHistory;

/**
 * A push's health events (into {@code health_event}), latest states ({@code synced_state}) and
 * clip rows (into the clip index, by node and the node's id) with the node's acknowledgement in
 * {@code sync_progress}, in one transaction. On a node that has a parent itself, the same
 * transaction journals what it applied (events as they came, clips under their ids here), so a
 * room's changes travel on through its substation to the center.
 */
public final class JdbcSyncedChanges implements SyncedChanges {

    private final DataSource dataSource;
    private final SyncedClipRows clips;
    private final JdbcSyncJournal journal;
    private final RecordEncoder encoder;

    /**
     * @param journal this node's own journal when it has a parent; null otherwise
     * @param encoder how journaled records are written; null without a journal
     */
    public JdbcSyncedChanges(DataSource dataSource, SyncedClipRows clips, JdbcSyncJournal journal,
            RecordEncoder encoder) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clips = Objects.requireNonNull(clips, "clips");
        this.journal = journal;
        this.encoder = journal == null ? null : Objects.requireNonNull(encoder, "encoder");
    }

    @Override
    public void apply(String node, Batch batch, long ackedSeq, Instant at) {
        List<Clip> stored = new ArrayList<>();
        try {
            int[] slices = clips.slices(batch.clipPuts());
            if (journal == null) {
                Transactions.run(dataSource, connection -> {
                    write(connection, node, batch, slices, stored, ackedSeq);
                    JdbcSyncProgress.record(connection, node, ackedSeq, at);
                });
            } else {
                journal.run((connection, entries) -> {
                    List<Long> deleted = write(connection, node, batch, slices, stored, ackedSeq);
                    JdbcHealthHistory.journal(entries, encoder, batch.events());
                    for (long id : deleted) {
                        entries.delete(Change.Kind.CLIP, Long.toString(id));
                    }
                    for (Clip clip : stored) {
                        entries.put(Change.Kind.CLIP, Long.toString(clip.id()), encoder.clip(clip));
                    }
                    JdbcSyncProgress.record(connection, node, ackedSeq, at);
                });
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot apply node " + node + "'s changes, nothing was applied: "
                    + e.getMessage(), e);
        }
        clips.committed(stored);
    }

    /** Writes the batch, its clips in the index's {@code slices}; answers the ids here of the clips deleted. */
    private List<Long> write(Connection connection, String node, Batch batch, int[] slices, List<Clip> stored,
            long seq) throws SQLException {
        if (!batch.events().isEmpty()) {
            JdbcHealthHistory.insert(connection, batch.events());
        }
        putStates(connection, batch.states());
        List<Long> deleted = new ArrayList<>(clips.delete(connection, node, batch.clipDeletes()));
        stored.addAll(clips.put(connection, node, batch.clipPuts(), slices, seq));
        if (batch.staleBefore() != null) {
            deleted.addAll(clips.deleteStale(connection, node, batch.staleBefore()));
        }
        putAuditHeads(connection, node, batch.auditHeads());
        return deleted;
    }

    /** The latest state per subject: the batch's states replace what was held (in batch order, last wins). */
    private static void putStates(Connection connection, List<SyncedState> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM synced_state WHERE subject_id = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO synced_state (subject_id, subject,"
                     + " node_id, state, since_ms, reason, root_site) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            Map<String, SyncedState> last = new LinkedHashMap<>();
            states.forEach(state -> last.put(state.id(), state));
            for (SyncedState state : last.values()) {
                delete.setString(1, state.id());
                delete.addBatch();
                insert.setString(1, state.id());
                insert.setString(2, state.subject().name());
                insert.setString(3, state.node());
                insert.setString(4, state.state());
                insert.setLong(5, state.since().toEpochMilli());
                insert.setString(6, state.reason() == null ? null
                        : state.reason().substring(0, Math.min(1000, state.reason().length())));
                insert.setString(7, state.rootSite());
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    /** Keeps each head sent (a head already held is kept as it was first received). */
    private static void putAuditHeads(Connection connection, String node, List<AuditStore.Head> heads)
            throws SQLException {
        if (heads.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM node_audit_head WHERE node_id = ? AND seq = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO node_audit_head (node_id, seq, hash,"
                     + " received_ms) VALUES (?, ?, ?, ?)")) {
            for (AuditStore.Head head : heads) {
                delete.setString(1, node);
                delete.setLong(2, head.seq());
                delete.executeUpdate();
                insert.setString(1, node);
                insert.setLong(2, head.seq());
                insert.setString(3, head.hash());
                insert.setLong(4, System.currentTimeMillis());
                insert.executeUpdate();
            }
        }
    }

    @Override
    public Optional<AuditStore.Head> auditHead(String node) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT seq, hash FROM node_audit_head"
                     + " WHERE node_id = ? ORDER BY received_ms DESC, seq DESC FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, node);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new AuditStore.Head(row.getLong(1), row.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read node " + node + "'s audit head: " + e.getMessage(), e);
        }
    }

    @Override
    public List<SyncedState> states() {
        List<SyncedState> states = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT subject, subject_id, node_id, state,"
                     + " since_ms, reason, root_site FROM synced_state");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                states.add(new SyncedState(HealthEvent.Subject.valueOf(rows.getString(1)), rows.getString(2),
                        rows.getString(3), rows.getString(4), Instant.ofEpochMilli(rows.getLong(5)),
                        rows.getString(6), rows.getString(7)));
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the synced states: " + e.getMessage(), e);
        }
        return states;
    }
}
