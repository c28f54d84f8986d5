package org.wardnet.storage.track;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.track.CaseStore;
import org.wardnet.core.track.ClockOffsets;
import org.wardnet.core.track.TrackCase;
import org.wardnet.core.track.TravelMode;
import org.wardnet.storage.Transactions;

/**
 * Cases in {@code track_case}, their hops in {@code case_hop} and their history in
 * {@code case_event}; each change and its history entry commit together. Thread-safe; concurrent
 * changes to one case are serialised by the caller (the server's single write queue).
 */
public final class JdbcCaseStore implements CaseStore {

    private final DataSource dataSource;

    public JdbcCaseStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void create(String id, String title, TravelMode mode, String siteId, Instant at) {
        write("create case", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO track_case (id, title, mode, created_ms, site_id) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, title);
                insert.setString(3, mode.name());
                insert.setLong(4, at.toEpochMilli());
                insert.setString(5, siteId);
                insert.executeUpdate();
            }
            event(connection, id, at, "CREATED", "title '" + title + "', mode " + mode
                    + (siteId == null ? ", whole district" : ", site " + siteId));
        });
    }

    @Override
    public Optional<TrackCase> get(String id) {
        try (Connection connection = dataSource.getConnection()) {
            String title;
            TravelMode mode;
            Instant created;
            Instant confirmed;
            String siteId;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT title, mode, created_ms, confirmed_ms, site_id FROM track_case WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    title = row.getString(1);
                    mode = TravelMode.valueOf(row.getString(2));
                    created = Instant.ofEpochMilli(row.getLong(3));
                    long c = row.getLong(4);
                    confirmed = row.wasNull() ? null : Instant.ofEpochMilli(c);
                    siteId = row.getString(5);
                }
            }
            List<TrackCase.Hop> hops = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT seq, camera_id, time_ms, clip_id, note,"
                    + " added_ms FROM case_hop WHERE case_id = ? ORDER BY seq")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long clip = rows.getLong(4);
                        Long clipId = rows.wasNull() ? null : clip;
                        hops.add(new TrackCase.Hop(rows.getInt(1), rows.getString(2),
                                Instant.ofEpochMilli(rows.getLong(3)), clipId, rows.getString(5),
                                Instant.ofEpochMilli(rows.getLong(6))));
                    }
                }
            }
            List<TrackCase.Event> history = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT seq, at_ms, action, detail FROM case_event WHERE case_id = ? ORDER BY seq")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        history.add(new TrackCase.Event(rows.getInt(1), Instant.ofEpochMilli(rows.getLong(2)),
                                rows.getString(3), rows.getString(4)));
                    }
                }
            }
            return Optional.of(new TrackCase(id, title, mode, siteId, created, confirmed, hops, history));
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read case " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int addHop(String caseId, String cameraId, Instant time, Long clipId, String note, Instant at) {
        int[] seq = new int[1];
        write("add to case", connection -> {
            seq[0] = next(connection, "case_hop", caseId);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO case_hop (case_id, seq, camera_id,"
                    + " time_ms, clip_id, note, added_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, caseId);
                insert.setInt(2, seq[0]);
                insert.setString(3, cameraId);
                insert.setLong(4, time.toEpochMilli());
                if (clipId == null) {
                    insert.setNull(5, Types.BIGINT);
                } else {
                    insert.setLong(5, clipId);
                }
                insert.setString(6, note);
                insert.setLong(7, at.toEpochMilli());
                insert.executeUpdate();
            }
            event(connection, caseId, at, "SIGHTING_ADDED", "hop " + seq[0] + ": camera " + cameraId + " at " + time
                    + (clipId == null ? "" : ", clip " + clipId));
        });
        return seq[0];
    }

    @Override
    public boolean confirm(String caseId, Instant at) {
        boolean[] changed = new boolean[1];
        write("confirm case", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE track_case SET confirmed_ms = ? WHERE id = ? AND confirmed_ms IS NULL")) {
                update.setLong(1, at.toEpochMilli());
                update.setString(2, caseId);
                changed[0] = update.executeUpdate() == 1;
            }
            if (changed[0]) {
                event(connection, caseId, at, "CONFIRMED", "route confirmed");
            }
        });
        return changed[0];
    }

    @Override
    public List<ClockOffsets.Route> confirmedRoutes() {
        List<ClockOffsets.Route> routes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT h.case_id, c.mode, h.camera_id,"
                        + " h.time_ms FROM case_hop h JOIN track_case c ON c.id = h.case_id"
                        + " WHERE c.confirmed_ms IS NOT NULL ORDER BY h.case_id, h.seq")) {
            select.setFetchSize(10_000);
            try (ResultSet rows = select.executeQuery()) {
                String caseId = null;
                TravelMode mode = null;
                List<String> cameras = new ArrayList<>();
                List<Long> times = new ArrayList<>();
                while (rows.next()) {
                    if (!rows.getString(1).equals(caseId)) {
                        if (caseId != null) {
                            routes.add(new ClockOffsets.Route(mode, cameras, times));
                        }
                        caseId = rows.getString(1);
                        mode = TravelMode.valueOf(rows.getString(2));
                        cameras = new ArrayList<>();
                        times = new ArrayList<>();
                    }
                    cameras.add(rows.getString(3));
                    times.add(rows.getLong(4));
                }
                if (caseId != null) {
                    routes.add(new ClockOffsets.Route(mode, cameras, times));
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read confirmed routes: " + e.getMessage(), e);
        }
        return routes;
    }

    private static int next(Connection connection, String table, String caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM " + table + " WHERE case_id = ?")) {
            select.setString(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void event(Connection connection, String caseId, Instant at, String action, String detail)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO case_event (case_id, seq, at_ms, action, detail) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, caseId);
            insert.setInt(2, next(connection, "case_event", caseId));
            insert.setLong(3, at.toEpochMilli());
            insert.setString(4, action);
            insert.setString(5, detail.length() > 2000 ? detail.substring(0, 2000) : detail);
            insert.executeUpdate();
        }
    }

    private void write(String what, Transactions.Work work) {
        try {
            Transactions.run(dataSource, work);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
