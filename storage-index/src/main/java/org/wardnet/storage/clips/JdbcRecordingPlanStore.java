package org.wardnet.storage.clips;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.recording.RecordingPlan;
import org.wardnet.core.recording.RecordingPlanStore;
import org.wardnet.storage.Transactions;

/** Recording plans in the {@code recording_plan} table. Thread-safe. */
public final class JdbcRecordingPlanStore implements RecordingPlanStore {

    private final DataSource dataSource;

    public JdbcRecordingPlanStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<RecordingPlan> all() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT subject_id, mode, windows FROM recording_plan ORDER BY subject_id");
                ResultSet rows = select.executeQuery()) {
            List<RecordingPlan> plans = new ArrayList<>();
            while (rows.next()) {
                plans.add(new RecordingPlan(rows.getString(1), RecordingPlan.Mode.valueOf(rows.getString(2)),
                        windows(rows.getString(3))));
            }
            return plans;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read recording plans: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(RecordingPlan plan) {
        try {
            Transactions.run(dataSource, connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM recording_plan WHERE subject_id = ?");
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO recording_plan (subject_id, mode, windows) VALUES (?, ?, ?)")) {
                    delete.setString(1, plan.subjectId());
                    delete.executeUpdate();
                    insert.setString(1, plan.subjectId());
                    insert.setString(2, plan.mode().name());
                    insert.setString(3, text(plan.windows()));
                    insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot store the recording plan: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean remove(String subjectId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM recording_plan WHERE subject_id = ?")) {
            delete.setString(1, subjectId);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot remove the recording plan: " + e.getMessage(), e);
        }
    }

    private static String text(List<RecordingPlan.Window> windows) {
        return windows.stream().map(w -> w.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","))
                + "@" + w.from() + "-" + w.to()).collect(Collectors.joining(";"));
    }

    private static List<RecordingPlan.Window> windows(String text) {
        List<RecordingPlan.Window> windows = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return windows;
        }
        for (String entry : text.split(";")) {
            String[] dayAndTimes = entry.split("@");
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : dayAndTimes[0].split(",")) {
                days.add(DayOfWeek.valueOf(day));
            }
            String[] times = dayAndTimes[1].split("-");
            windows.add(new RecordingPlan.Window(days, LocalTime.parse(times[0]), LocalTime.parse(times[1])));
        }
        return windows;
    }
}
