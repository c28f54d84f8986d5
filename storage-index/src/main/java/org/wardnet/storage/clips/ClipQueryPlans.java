package org.wardnet.storage.clips;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * How the store runs the clip index's own queries, for an operator or a benchmark checking that
 * they keep their plans as the table grows: the per-camera window seek (which follow also runs
 * once per candidate camera) with the slices of the window's first hour as the store asks for them
 * (all at once on PostgreSQL, the newest on H2), and the coverage query for the newest slice of
 * that hour it reaches, with real parameters. On PostgreSQL the plans are executed
 * ({@code EXPLAIN (ANALYZE, BUFFERS)}): they show the partition reached and the pages read; H2
 * shows its chosen index only.
 */
public final class ClipQueryPlans {

    private final DataSource dataSource;
    private final JdbcClipIndex index;

    public ClipQueryPlans(DataSource dataSource, JdbcClipIndex index) {
        this.dataSource = dataSource;
        this.index = index;
    }

    /** The plan of one camera's seek in the window [from, to), for the window's first hour. */
    public List<String> window(String cameraId, Instant from, Instant to) throws SQLException {
        return plan(index.pageSql(false), from, to, (statement, next) -> {
            statement.setString(next, cameraId);
            statement.setInt(next + 1, 100);
        }, null);
    }

    /** The plan of the coverage query for {@code cameraIds} in [from, to), for the window's first hour. */
    public List<String> coverage(List<String> cameraIds, Instant from, Instant to) throws SQLException {
        return plan(JdbcClipIndex.CAMERAS_IN_HOUR, from, to, null, cameraIds);
    }

    private interface Tail {
        void bind(PreparedStatement statement, int next) throws SQLException;
    }

    private List<String> plan(String sql, Instant from, Instant to, Tail tail, List<String> asked)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            int hour = ClipHours.hourOf(from.toEpochMilli());
            long low = Math.max(from.toEpochMilli() - index.longestMillis(), hour * ClipHours.HOUR);
            long high = Math.min(to.toEpochMilli(), (hour + 1) * ClipHours.HOUR);
            int[] reach = index.reaching(connection, hour, low, high);
            try (PreparedStatement explain = connection.prepareStatement(
                    (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ") + sql)) {
                int next = 1;
                if (asked != null) {
                    explain.setArray(next++, connection.createArrayOf("VARCHAR", asked.toArray()));
                }
                explain.setInt(next, hour);
                if (asked != null) { // coverage asks one slice at a time: the newest reached
                    explain.setInt(next + 1, reach.length == 0 ? 0 : reach[reach.length - 1]);
                } else { // a window asks the groups its store makes: the last one
                    List<int[]> groups = index.sliceGroups(reach);
                    index.bindSlices(connection, explain, next + 1, groups.isEmpty() ? new int[] {0}
                            : groups.get(groups.size() - 1));
                }
                explain.setLong(next + 2, low);
                explain.setLong(next + 3, high);
                explain.setLong(next + 4, from.toEpochMilli());
                if (tail != null) {
                    tail.bind(explain, next + 5);
                }
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
                return lines;
            }
        }
    }
}
