package org.wardnet.storage.track;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.core.track.CameraView;
import org.wardnet.core.track.OwnViewFit;
import org.wardnet.core.track.StreetSegment;
import org.wardnet.core.track.TrackLink;
import org.wardnet.core.track.TrackStore;
import org.wardnet.core.track.TransitionMemory;
import org.wardnet.core.track.TravelMode;
import org.wardnet.core.track.TravelTimes;
import org.wardnet.storage.Transactions;

/**
 * The street network ({@code street_segment}), manual links ({@code track_link}) and learned
 * travel times ({@code track_transition}, one histogram per pair and mode, written whole).
 * Thread-safe.
 */
public final class JdbcTrackStore implements TrackStore {

    private final DataSource dataSource;

    public JdbcTrackStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void replaceStreets(List<StreetSegment> segments) {
        write("store the street network", connection -> {
            try (Statement delete = connection.createStatement()) {
                delete.executeUpdate("DELETE FROM street_segment");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO street_segment (id, from_lat,"
                    + " from_lon, to_lat, to_lon, modes, one_way) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int id = 0;
                for (StreetSegment s : segments) {
                    insert.setInt(1, ++id);
                    insert.setDouble(2, s.from().lat());
                    insert.setDouble(3, s.from().lon());
                    insert.setDouble(4, s.to().lat());
                    insert.setDouble(5, s.to().lon());
                    insert.setString(6, s.modes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                    insert.setBoolean(7, s.oneWay());
                    insert.addBatch();
                    if (id % 1_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    @Override
    public List<StreetSegment> streets() {
        return read("read the street network", "SELECT from_lat, from_lon, to_lat, to_lon, modes, one_way"
                + " FROM street_segment ORDER BY id", row -> {
                    Set<TravelMode> modes = EnumSet.noneOf(TravelMode.class);
                    for (String m : row.getString(5).split(",")) {
                        modes.add(TravelMode.valueOf(m));
                    }
                    return new StreetSegment(new GeoPoint(row.getDouble(1), row.getDouble(2)),
                            new GeoPoint(row.getDouble(3), row.getDouble(4)), modes, row.getBoolean(6));
                });
    }

    @Override
    public TrackLink addLink(TrackLink link) {
        long[] id = new long[1];
        write("store a track link", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO track_link (from_camera,"
                    + " to_camera, kind, distance_m, mode) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, link.from());
                insert.setString(2, link.to());
                insert.setString(3, link.kind().name());
                if (link.distanceMeters() == null) {
                    insert.setNull(4, Types.DOUBLE);
                } else {
                    insert.setDouble(4, link.distanceMeters());
                }
                insert.setString(5, link.mode() == null ? null : link.mode().name());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id[0] = keys.getLong(1);
                }
            }
        });
        return new TrackLink(id[0], link.from(), link.to(), link.kind(), link.distanceMeters(), link.mode());
    }

    @Override
    public boolean deleteLink(long id) {
        int[] deleted = new int[1];
        write("delete a track link", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM track_link WHERE id = ?")) {
                delete.setLong(1, id);
                deleted[0] = delete.executeUpdate();
            }
        });
        return deleted[0] == 1;
    }

    @Override
    public List<TrackLink> links() {
        return read("read track links", "SELECT id, from_camera, to_camera, kind, distance_m, mode FROM track_link"
                + " ORDER BY id", row -> {
                    double distance = row.getDouble(5);
                    Double d = row.wasNull() ? null : distance;
                    String mode = row.getString(6);
                    return new TrackLink(row.getLong(1), row.getString(2), row.getString(3),
                            TrackLink.Kind.valueOf(row.getString(4)), d, mode == null ? null : TravelMode.valueOf(mode));
                });
    }

    /**
     * Replaces the rows of these pairs: delete then insert in one transaction, the one form of upsert
     * H2 and PostgreSQL both run (H2's MERGE ... KEY is its own, PostgreSQL's ON CONFLICT its own).
     * Learning runs on one thread, so no other writer inserts the same key in between.
     */
    @Override
    public void saveTransitions(List<Transition> transitions) {
        write("store learned travel times", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM track_transition"
                    + " WHERE from_camera = ? AND to_camera = ? AND mode = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO track_transition (from_camera,"
                            + " to_camera, mode, counts) VALUES (?, ?, ?, ?)")) {
                Map<String, Transition> lastOfEachPair = new LinkedHashMap<>();
                for (Transition t : transitions) { // as an upsert would: the last row of a pair wins
                    lastOfEachPair.put(t.from() + '\n' + t.to() + '\n' + t.mode(), t);
                }
                for (Transition t : lastOfEachPair.values()) {
                    delete.setString(1, t.from());
                    delete.setString(2, t.to());
                    delete.setString(3, t.mode().name());
                    delete.addBatch();
                    insert.setString(1, t.from());
                    insert.setString(2, t.to());
                    insert.setString(3, t.mode().name());
                    insert.setString(4, Arrays.stream(t.times().counts()).mapToObj(Integer::toString)
                            .collect(Collectors.joining(",")));
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
        });
    }

    @Override
    public List<Transition> transitions() {
        return read("read learned travel times", "SELECT from_camera, to_camera, mode, counts FROM track_transition",
                row -> new Transition(row.getString(1), row.getString(2), TravelMode.valueOf(row.getString(3)),
                        TravelTimes.of(Arrays.stream(row.getString(4).split(",")).mapToInt(Integer::parseInt)
                                .toArray())));
    }

    /** Replaces the counts of these cameras (delete then insert, as {@link #saveTransitions}). */
    @Override
    public void saveVisibility(Map<String, int[]> counts) {
        write("store learned visibility", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM track_visibility WHERE camera_id = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO track_visibility (camera_id,"
                            + " passes, seen) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, int[]> e : counts.entrySet()) {
                    delete.setString(1, e.getKey());
                    delete.addBatch();
                    insert.setString(1, e.getKey());
                    insert.setInt(2, e.getValue()[0]);
                    insert.setInt(3, e.getValue()[1]);
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
        });
    }

    @Override
    public Map<String, int[]> visibility() {
        Map<String, int[]> out = new HashMap<>();
        for (Object[] row : read("read learned visibility", "SELECT camera_id, passes, seen FROM track_visibility",
                r -> new Object[] {r.getString(1), new int[] {r.getInt(2), r.getInt(3)}})) {
            out.put((String) row[0], (int[]) row[1]);
        }
        return out;
    }

    @Override
    public void saveView(FittedView fitted) {
        write("store the fitted camera views", connection -> {
            try (Statement delete = connection.createStatement()) {
                delete.executeUpdate("DELETE FROM track_view WHERE id = 1");
                delete.executeUpdate("DELETE FROM track_camera_view");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO track_view (id, reach_m,"
                    + " half_angle_deg, close_m, hops, log_likelihood, fitted_ms) VALUES (1, ?, ?, ?, ?, ?, ?)")) {
                insert.setDouble(1, fitted.view().reachMeters());
                insert.setDouble(2, fitted.view().halfAngleDegrees());
                insert.setDouble(3, fitted.view().closeMeters());
                insert.setInt(4, fitted.hops());
                insert.setDouble(5, fitted.logLikelihood());
                insert.setLong(6, fitted.fittedAt().toEpochMilli());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO track_camera_view (camera_id,"
                    + " reach_m, half_angle_deg, close_m, heading_deg, hops, gain) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<String, OwnViewFit.OwnView> e : fitted.cameras().entrySet()) {
                    OwnViewFit.OwnView own = e.getValue();
                    insert.setString(1, e.getKey());
                    insert.setDouble(2, own.view().reachMeters());
                    insert.setDouble(3, own.view().halfAngleDegrees());
                    insert.setDouble(4, own.view().closeMeters());
                    if (own.heading() == null) {
                        insert.setNull(5, Types.DOUBLE);
                    } else {
                        insert.setDouble(5, own.heading());
                    }
                    insert.setInt(6, own.hops());
                    insert.setDouble(7, own.gain());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    @Override
    public Optional<FittedView> view() {
        Map<String, OwnViewFit.OwnView> cameras = new HashMap<>();
        for (Object[] row : read("read the cameras' own views", "SELECT camera_id, reach_m, half_angle_deg, close_m,"
                + " heading_deg, hops, gain FROM track_camera_view", r -> {
                    double degrees = r.getDouble(5);
                    Double heading = r.wasNull() ? null : degrees; // read at once: wasNull speaks of the last column read
                    return new Object[] {r.getString(1), new OwnViewFit.OwnView(new CameraView(r.getDouble(2),
                            r.getDouble(3), r.getDouble(4)), heading, r.getInt(6), r.getDouble(7))};
                })) {
            cameras.put((String) row[0], (OwnViewFit.OwnView) row[1]);
        }
        return read("read the fitted camera view", "SELECT reach_m, half_angle_deg, close_m, hops, log_likelihood,"
                + " fitted_ms FROM track_view WHERE id = 1", row -> new FittedView(new CameraView(
                        row.getDouble(1), row.getDouble(2), row.getDouble(3)), row.getInt(4), row.getDouble(5),
                        Instant.ofEpochMilli(row.getLong(6)), cameras)).stream().findFirst();
    }

    /** Loads every stored pair into {@code memory}. */
    public void loadInto(TransitionMemory memory) {
        transitions().forEach(t -> memory.restore(t.from(), t.to(), t.mode(), t.times()));
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> read(String what, String sql, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(sql)) {
            List<T> out = new ArrayList<>();
            while (rows.next()) {
                out.add(reader.read(rows));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot " + what + ": " + e.getMessage(), e);
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
