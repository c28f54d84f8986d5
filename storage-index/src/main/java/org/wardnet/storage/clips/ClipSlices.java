package org.wardnet.storage.clips;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/**
 * The arrival slices of the clip index's hours: which slice a new clip goes in, and which slices a
 * query of an hour must seek. The clips of an hour are numbered in slices of about
 * {@link #ROWS_PER_SLICE} rows in the order this process writes them (a batch stays in one slice).
 * How many slices each hour has is kept in {@code clip_slice} and raised, in a transaction of its
 * own, before a slice gets its first clip: the table never says fewer than the clips use, even
 * after a crash; a slice whose clips were rolled back stays, empty, and costs a seek.
 *
 * <p>The start times in each slice this process opened are known, so a query skips those outside
 * its window; older slices are sought whenever their hour is. A restarted process opens a new
 * slice in each hour it writes to. One process writes a store (as for the index's ids); the hours'
 * counts stay in memory, a few dozen bytes each, plus 16 bytes per slice opened since the start.
 * Thread-safe: one lock, held for the few statements of a new slice.
 */
final class ClipSlices {

    /**
     * Rows per slice. Smaller slices keep a batch's index pages fewer (a slice of 8,192 rows is
     * about 200 index pages); larger ones mean fewer seeks per hour (one-minute clips of 12,414
     * cameras make about 90 slices an hour; of a substation's 1,500, eleven).
     */
    static final int ROWS_PER_SLICE = 8_192;

    private final DataSource dataSource;
    private final Map<Integer, Hour> hours = new HashMap<>();

    ClipSlices(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** What is known of one hour's slices. */
    private static final class Hour {
        /** Slices 0 to slices - 1 exist. */
        int slices;
        /** The first slice this process opened: the start times of earlier ones are not known. */
        int firstOwn;
        /** Rows put in the newest slice by this process (full when it did not open it). */
        int rowsInNewest;
        /** The first and last start (epoch ms) of each own slice, pairs from {@link #firstOwn}. */
        long[] starts = new long[0];

        Hour(int slices) {
            this.slices = slices;
            this.firstOwn = slices;
            this.rowsInNewest = Integer.MAX_VALUE;
        }
    }

    /**
     * The slice for each of {@code items} (by position), {@code hourOf} and {@code startOf} telling
     * each one's hour and start; opens (and stores) new slices as needed. Call before the
     * transaction that writes the rows, not inside it: a new slice is committed on a connection of
     * its own, and a caller holding one while waiting for another could empty a small pool.
     */
    <T> int[] assign(List<T> items, ToIntFunction<T> hourOf, ToLongFunction<T> startOf) throws SQLException {
        Map<Integer, int[]> counts = new LinkedHashMap<>();
        for (T item : items) {
            counts.computeIfAbsent(hourOf.applyAsInt(item), h -> new int[1])[0]++;
        }
        Map<Integer, Integer> chosen = new HashMap<>();
        synchronized (this) {
            Connection connection = null;
            try {
                for (Map.Entry<Integer, int[]> entry : counts.entrySet()) {
                    int hour = entry.getKey();
                    Hour known = hours.get(hour);
                    if (known == null || known.rowsInNewest >= ROWS_PER_SLICE) {
                        connection = connection != null ? connection : dataSource.getConnection();
                        known = known(connection, hour);
                    }
                    if (known.rowsInNewest >= ROWS_PER_SLICE) {
                        store(connection, hour, known.slices + 1);
                        known.slices++;
                        known.rowsInNewest = 0;
                        int pairs = known.slices - known.firstOwn;
                        known.starts = Arrays.copyOf(known.starts, pairs * 2);
                        known.starts[pairs * 2 - 2] = Long.MAX_VALUE;
                        known.starts[pairs * 2 - 1] = Long.MIN_VALUE;
                    }
                    known.rowsInNewest += entry.getValue()[0];
                    chosen.put(hour, known.slices - 1);
                }
            } finally {
                if (connection != null) {
                    connection.close();
                }
            }
            for (T item : items) {
                Hour known = hours.get(hourOf.applyAsInt(item));
                int at = (known.slices - 1 - known.firstOwn) * 2;
                long start = startOf.applyAsLong(item);
                known.starts[at] = Math.min(known.starts[at], start);
                known.starts[at + 1] = Math.max(known.starts[at + 1], start);
            }
        }
        int[] slices = new int[items.size()];
        for (int i = 0; i < slices.length; i++) {
            slices[i] = chosen.get(hourOf.applyAsInt(items.get(i)));
        }
        return slices;
    }

    /**
     * The slices of {@code hour} that may hold clips starting in [{@code low}, {@code high}),
     * ascending; none when the hour has no clips.
     */
    synchronized int[] reaching(Connection connection, int hour, long low, long high) throws SQLException {
        Hour known = known(connection, hour);
        int[] reach = new int[known.slices];
        int count = 0;
        for (int slice = 0; slice < known.slices; slice++) {
            if (slice < known.firstOwn) {
                reach[count++] = slice;
                continue;
            }
            int at = (slice - known.firstOwn) * 2;
            if (known.starts[at] < high && known.starts[at + 1] >= low) {
                reach[count++] = slice;
            }
        }
        return Arrays.copyOf(reach, count);
    }

    /** What is known of {@code hour}, read with {@code connection} the first time it is asked about. */
    private Hour known(Connection connection, int hour) throws SQLException {
        Hour known = hours.get(hour);
        if (known == null) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT slices FROM clip_slice WHERE start_hour = ?")) {
                select.setInt(1, hour);
                try (ResultSet row = select.executeQuery()) {
                    known = new Hour(row.next() ? row.getInt(1) : 0);
                }
            }
            hours.put(hour, known);
        }
        return known;
    }

    /** Stores that {@code hour} has {@code slices}, committed on {@code connection} (autocommit). */
    private static void store(Connection connection, int hour, int slices) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE clip_slice SET slices = ? WHERE start_hour = ?")) {
            update.setInt(1, slices);
            update.setInt(2, hour);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO clip_slice (start_hour, slices) VALUES (?, ?)")) {
                    insert.setInt(1, hour);
                    insert.setInt(2, slices);
                    insert.executeUpdate();
                }
            }
        }
    }
}
