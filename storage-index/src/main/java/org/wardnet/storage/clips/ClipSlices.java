package org.wardnet.storage.clips;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
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
 * {@code rowsPerSlice} rows (the store's {@link ClipTable#rowsPerSlice}); each writing process
 * fills a slice of its own per hour (a batch stays in one slice).
 * How many slices each hour has is kept in {@code clip_slice} and raised by one, in a transaction
 * of its own, when a process opens a slice: the row's lock makes two processes opening a slice of
 * one hour at once get different slices, and the table never says fewer than the clips use, even
 * after a crash; a slice whose clips were rolled back stays, empty, and costs a seek.
 *
 * <p>A query skips the slices whose start times miss its window. A process stores the span of
 * start times of a slice it filled ({@code clip_slice_span}) in the transaction that opens its
 * next one, so every closed slice's span is known to every process; a slice still open (another
 * process's, or one whose process died) is sought whatever the window. A restarted process opens
 * a new slice in each hour it writes to.
 *
 * <p>Several processes on one store: what this one knows of an hour is read once and kept; when
 * another process opens a slice, {@link #forget} (told by the store's announcement) makes the
 * next query read the hour again. Memory: a few dozen bytes per hour asked about, plus 16 bytes
 * per slice. Thread-safe: one lock, held for the few statements of a new slice or a read.
 */
final class ClipSlices {

    /** The span of a slice whose start times are not known: reached by every window. */
    private static final long UNKNOWN_FIRST = Long.MIN_VALUE;
    private static final long UNKNOWN_LAST = Long.MAX_VALUE;
    private static final String DUPLICATE_KEY = "23505";

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
        /** The slice this process fills, or -1 before it opened one. */
        int mine = -1;
        /** Rows this process has put in its slice. */
        int rowsInMine;
        /** The first and last start (epoch ms) of each slice, a pair per slice. */
        long[] spans;
        /** Another process opened a slice since the hour was read: read it again before a query. */
        boolean stale;

        Hour(int slices) {
            resize(slices);
        }

        /** Grows to {@code count} slices; a slice not seen before has an unknown span. */
        void resize(int count) {
            int had = spans == null ? 0 : slices;
            spans = spans == null ? new long[count * 2] : Arrays.copyOf(spans, count * 2);
            for (int slice = had; slice < count; slice++) {
                spans[slice * 2] = UNKNOWN_FIRST;
                spans[slice * 2 + 1] = UNKNOWN_LAST;
            }
            slices = count;
        }

        boolean full(int rowsPerSlice) {
            return mine < 0 || rowsInMine >= rowsPerSlice;
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
                    if (known == null || known.full(rowsPerSlice)) {
                        connection = connection != null ? connection : dataSource.getConnection();
                        known = known(connection, hour);
                    }
                    if (known.full(rowsPerSlice)) {
                        open(connection, hour, known);
                    }
                    known.rowsInMine += entry.getValue()[0];
                    chosen.put(hour, known.mine);
                }
            } finally {
                if (connection != null) {
                    connection.close();
                }
            }
            for (T item : items) {
                Hour known = hours.get(hourOf.applyAsInt(item));
                int at = known.mine * 2;
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
     * Opens a slice of {@code hour} for this process: stores the span of the one it filled before
     * and raises the hour's count by one, in one transaction on {@code connection}; the raised
     * count tells which slice is this process's (another process may have opened slices since).
     */
    private static void open(Connection connection, int hour, Hour known) throws SQLException {
        int count;
        connection.setAutoCommit(false);
        try {
            if (known.mine >= 0) {
                try (PreparedStatement span = connection.prepareStatement("INSERT INTO clip_slice_span"
                        + " (start_hour, slice, first_start_ms, last_start_ms) VALUES (?, ?, ?, ?)")) {
                    span.setInt(1, hour);
                    span.setInt(2, known.mine);
                    span.setLong(3, known.spans[known.mine * 2]);
                    span.setLong(4, known.spans[known.mine * 2 + 1]);
                    span.executeUpdate();
                }
            }
            count = raise(connection, hour);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        known.resize(Math.max(known.slices, count));
        known.mine = count - 1;
        known.rowsInMine = 0;
        known.spans[known.mine * 2] = Long.MAX_VALUE; // empty until rows are assigned
        known.spans[known.mine * 2 + 1] = Long.MIN_VALUE;
    }

    /**
     * Raises {@code hour}'s count of slices by one in the transaction of {@code connection}, the
     * row locked until it ends; answers the raised count. The hour's first slice inserts the row:
     * when another process inserted it first, the insert fails and the raise is tried on its row.
     */
    private static int raise(Connection connection, int hour) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE clip_slice SET slices = slices + 1 WHERE start_hour = ?")) {
            update.setInt(1, hour);
            if (update.executeUpdate() == 0) {
                Savepoint before = connection.setSavepoint();
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO clip_slice (start_hour, slices) VALUES (?, 1)")) {
                    insert.setInt(1, hour);
                    insert.executeUpdate();
                    return 1;
                } catch (SQLException e) {
                    if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw e;
                    }
                    connection.rollback(before);
                    update.executeUpdate();
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT slices FROM clip_slice WHERE start_hour = ?")) {
            select.setInt(1, hour);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("clip_slice lost the row of hour " + hour);
                }
                return row.getInt(1);
            }
        }
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

    /** Another process opened a slice of {@code hour}: what is known of it is read again when next asked. */
    synchronized void forget(int hour) {
        Hour known = hours.get(hour);
        if (known != null) {
            known.stale = true;
        }
    }

    /** Slices may have been opened unheard: every hour is read again when next asked. */
    synchronized void forgetAll() {
        hours.values().forEach(known -> known.stale = true);
    }

    /**
     * What is known of {@code hour}, read with {@code connection} the first time it is asked about
     * and again after {@link #forget}; this process's own open slice is kept as it knows it.
     */
    private Hour known(Connection connection, int hour) throws SQLException {
        Hour known = hours.get(hour);
        if (known != null && !known.stale) {
            return known;
        }
        int count;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT slices FROM clip_slice WHERE start_hour = ?")) {
            select.setInt(1, hour);
            try (ResultSet row = select.executeQuery()) {
                count = row.next() ? row.getInt(1) : 0;
            }
        }
        if (known == null) {
            known = new Hour(count);
            hours.put(hour, known);
        } else {
            known.stale = false;
            known.resize(Math.max(known.slices, count));
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT slice, first_start_ms, last_start_ms"
                + " FROM clip_slice_span WHERE start_hour = ?")) {
            select.setInt(1, hour);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int slice = rows.getInt(1);
                    if (slice < known.slices && slice != known.mine) { // a stored span: the slice is closed
                        known.spans[slice * 2] = rows.getLong(2);
                        known.spans[slice * 2 + 1] = rows.getLong(3);
                    }
                }
            }
        }
        return known;
    }
}
