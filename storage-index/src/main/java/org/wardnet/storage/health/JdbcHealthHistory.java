package org.wardnet.storage.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.RecordEncoder;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.health.HealthHistory;
import org.wardnet.storage.Transactions;
import org.wardnet.storage.federation.JdbcSyncJournal;

/**
 * Health events in the {@code health_event} table: appended in batches, read back newest first.
 * On a child tier node the history is {@linkplain #journaled journaled}: every event appended is
 * also a sync journal entry (keyed by its subject), in the same transaction, so the parent learns
 * each state change in order.
 */
public final class JdbcHealthHistory implements HealthHistory {

    private static final String INSERT = "INSERT INTO health_event (at, subject, subject_id, from_state, to_state,"
            + " reason, alarm, grouped_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String STATES = "('UNKNOWN', 'ONLINE', 'DEGRADED', 'OFFLINE', 'REACHABLE', 'UNREACHABLE')";

    private final DataSource dataSource;
    private final JdbcSyncJournal journal;
    private final RecordEncoder encoder;

    public JdbcHealthHistory(DataSource dataSource) {
        this(dataSource, null, null);
    }

    private JdbcHealthHistory(DataSource dataSource, JdbcSyncJournal journal, RecordEncoder encoder) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.journal = journal;
        this.encoder = encoder;
    }

    /** The same history on a child tier node: every event appended is journaled too. */
    public JdbcHealthHistory journaled(JdbcSyncJournal journal, RecordEncoder encoder) {
        return new JdbcHealthHistory(dataSource, Objects.requireNonNull(journal, "journal"),
                Objects.requireNonNull(encoder, "encoder"));
    }

    /** Appends {@code events} in one transaction. */
    @Override
    public void append(List<HealthEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            if (journal == null) {
                Transactions.run(dataSource, connection -> insert(connection, events));
            } else {
                journal.run((connection, entries) -> {
                    insert(connection, events);
                    journal(entries, encoder, events);
                });
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot record health events: " + e.getMessage(), e);
        }
    }

    /**
     * The latest state change of every subject: for a camera its latest health state (a recorder's
     * note is not one), for a site or node its latest reachability. For a full re-send.
     */
    public List<HealthEvent> latestStates() {
        List<HealthEvent> latest = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT at, subject, subject_id, from_state,"
                     + " to_state, reason, alarm, grouped_by FROM health_event h WHERE id = (SELECT MAX(id) FROM"
                     + " health_event l WHERE l.subject_id = h.subject_id AND l.to_state IN " + STATES + ")");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                latest.add(event(rows));
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the latest health states: " + e.getMessage(), e);
        }
        return latest;
    }

    /** Appends {@code events} in the caller's transaction. */
    public static void insert(Connection connection, List<HealthEvent> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (HealthEvent e : events) {
                insert.setObject(1, e.at().atOffset(ZoneOffset.UTC));
                insert.setString(2, e.subject().name());
                insert.setString(3, e.id());
                insert.setString(4, e.from());
                insert.setString(5, e.to());
                insert.setString(6, e.reason() == null ? null
                        : e.reason().substring(0, Math.min(1000, e.reason().length())));
                insert.setBoolean(7, e.alarm());
                insert.setString(8, e.groupedBy());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Adds a journal entry per event, keyed by its subject. */
    public static void journal(JdbcSyncJournal.Entries entries, RecordEncoder encoder, List<HealthEvent> events)
            throws SQLException {
        for (HealthEvent event : events) {
            entries.put(Change.Kind.HEALTH, event.id(), encoder.healthEvent(event));
        }
    }

    /** The newest {@code limit} events of one camera or site before {@code until}, newest first. */
    @Override
    public List<HealthEvent> before(String subjectId, Instant until, int limit) {
        String sql = "SELECT at, subject, subject_id, from_state, to_state, reason, alarm, grouped_by FROM health_event"
                + " WHERE subject_id = ? AND at < ? ORDER BY at DESC, id DESC";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, subjectId);
            query.setObject(2, until.atOffset(ZoneOffset.UTC));
            query.setMaxRows(limit);
            List<HealthEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read health events: " + e.getMessage(), e);
        }
    }

    private static HealthEvent event(ResultSet rows) throws SQLException {
        Instant at = rows.getObject(1, OffsetDateTime.class).toInstant();
        return new HealthEvent(at, HealthEvent.Subject.valueOf(rows.getString(2)), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getBoolean(7), rows.getString(8));
    }
}
