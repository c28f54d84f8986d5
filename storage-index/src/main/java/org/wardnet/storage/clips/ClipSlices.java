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
 * {@code rowsPerSlice} rows (the store's {@link ClipTable#rowsPerSlice}) in the order this process
 * writes them (a batch stays in one slice).
 * How many slices each hour has is kept in {@code clip_slice} and raised, in a transaction of its
 * own, before a slice gets its first clip: the table never says fewer than the clips use, even
 * after a crash; a slice whose clips were rolled back stays, empty, and costs a seek.
 *
 * <p>A query skips the slices whose start times miss its window. The span of start times of the
 * slices this process fills is known as it assigns them, and stored ({@code clip_slice_span}) in
 * the same small transaction that opens the next slice, so a restarted process knows every closed
 * slice's span too; only an hour's newest slice and slices from before spans were stored are
 * sought whatever the window. A restarted process opens a new slice in each hour it writes to.
 * One process writes a store (as for the index's ids). Memory: a few dozen bytes per hour asked
 * about, plus 16 bytes per slice. Thread-safe: one lock, held for the few statements of a new slice.
 */
final class ClipSlices {

    /** The span of a slice whose start times are not known: reached by every window. */
    private static final long UNKNOWN_FIRST = Long.MIN_VALUE;
    private static final long UNKNOWN_LAST = Long.MAX_VALUE;

    private final DataSource dataSource;
    private final int rowsPerSlice;
    private final Map<Integer, Hour> hours = new HashMap<>();

    ClipSlices(DataSource dataSource, int rowsPerSlice) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.rowsPerSlice = rowsPerSlice;
    }

    /** What is known of one hour's slices. */
    private static final class Hour {
        /** Slices 0 to slices - 1 exist. */
        int slices;
        /** Rows put in the newest slice by this process (full when it did not open it). */
        int rowsInNewest = Integer.MAX_VALUE;
        /** The first and last start (epoch ms) of each slice, a pair per slice. */
        long[] spans;

        Hour(int slices) {
            this.slices = slices;
            this.spans = new long[slices * 2];
            for (int slice = 0; slice < slices; slice++) {
                spans[slice * 2] = UNKNOWN_FIRST;
                spans[slice * 2 + 1] = UNKNOWN_LAST;
            }
        }

        boolean ownNewest() {
            return rowsInNewest != Integer.MAX_VALUE;
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
                    if (known == null || known.rowsInNewest >= rowsPerSlice) {
                        connection = connection != null ? connection : dataSource.getConnection();
                        known = known(connection, hour);
                    }
                    if (known.rowsInNewest >= rowsPerSlice) {
                        open(connection, hour, known);
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
                int at = (known.slices - 1) * 2;
                long start = startOf.applyAsLong(item);
                known.spans[at] = Math.min(known.spans[at], start);
                known.spans[at + 1] = Math.max(known.spans[at + 1], start);
            }
        }
        int[] slices = new int[items.size()];
        for (int i = 0; i < slices.length; i++) {
            slices[i] = chosen.get(hourOf.applyAsInt(items.get(i)));
        }
        return slices;
    }

    /**
     * Opens a new slice of {@code hour}: stores the closing slice's span when this process filled it
     * and the raised count, in one transaction on {@code connection}.
     */
    private static void open(Connection connection, int hour, Hour known) throws SQLException {
        connection.setAutoCommit(false);
        try {
            if (known.ownNewest() && known.slices > 0) {
                int closing = known.slices - 1;
                try (PreparedStatement span = connection.prepareStatement("INSERT INTO clip_slice_span"
                        + " (start_hour, slice, first_start_ms, last_start_ms) VALUES (?, ?, ?, ?)")) {
                    span.setInt(1, hour);
                    span.setInt(2, closing);
                    span.setLong(3, known.spans[closing * 2]);
                    span.setLong(4, known.spans[closing * 2 + 1]);
                    span.executeUpdate();
                }
            }
            store(connection, hour, known.slices + 1);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        known.slices++;
        known.rowsInNewest = 0;
        known.spans = Arrays.copyOf(known.spans, known.slices * 2);
        known.spans[known.slices * 2 - 2] = Long.MAX_VALUE; // empty until rows are assigned
        known.spans[known.slices * 2 - 1] = Long.MIN_VALUE;
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
            if (known.spans[slice * 2] < high && known.spans[slice * 2 + 1] >= low) {
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
            try (PreparedStatement select = connection.prepareStatement("SELECT slice, first_start_ms, last_start_ms"
                    + " FROM clip_slice_span WHERE start_hour = ?")) {
                select.setInt(1, hour);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int slice = rows.getInt(1);
                        if (slice < known.slices - 1) { // the newest may still be filled by another writer
                            known.spans[slice * 2] = rows.getLong(2);
                            known.spans[slice * 2 + 1] = rows.getLong(3);
                        }
                    }
                }
            }
            hours.put(hour, known);
        }
        return known;
    }

    /** Stores that {@code hour} has {@code slices}, in the transaction of {@code connection}. */
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
