package org.wardnet.storage.clips;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.clips.ClipRetentionStore;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.RecordEncoder;
import org.wardnet.storage.StoreAnnouncements;
import org.wardnet.storage.Transactions;
import org.wardnet.storage.federation.JdbcSyncJournal;

/**
 * The clip index in the {@code clip} table, keyed (start_hour, slice, camera_id, start_ms, id):
 * an hour's clips are numbered in {@linkplain ClipSlices arrival slices} (8,192 rows on H2, 65,536
 * on PostgreSQL), so short clips of many cameras arriving together fill one slice's pages in turn
 * instead of touching every camera's part of the hour. The longest clip's duration is kept in
 * {@code clip_bound}, raised in the same transaction as the clips that exceed it, and in memory.
 * A camera's clips overlapping [from, to) are then found in each hour from (from − longest) to the
 * hour of to, in the slices whose start times reach the window (a slice's span is stored when the
 * next opens; an hour's newest is always sought): on H2 one bounded seek per slice (about a dozen
 * for a substation's one-minute segments in a 30-minute window, about forty for a district's), on
 * PostgreSQL one query per hour that seeks them all ({@code slice = ANY}). Coverage of many cameras
 * runs one query per reachable slice that seeks each asked camera in it, and asks later slices
 * only about the cameras not yet found.
 *
 * <p>Ids are assigned by this object from blocks the store numbers ({@link ClipIds}), so servers
 * sharing a PostgreSQL database never give two clips one id; ids of a failed batch are skipped,
 * not reused. Each server fills arrival slices of its own and hears the ones others open
 * ({@link #hearOtherServers}).
 * On a child tier node the index is {@linkplain #journaled journaled}: every clip added or deleted
 * is also a sync journal entry, in the same transaction. Clips synced from child nodes carry the
 * node and the node's id for them ({@code node_id}, {@code node_clip_id}); see {@link SyncedClipRows}.
 * Thread-safe.
 */
public final class JdbcClipIndex implements ClipIndex, ClipRetentionStore {

    private static final String COLUMNS = "id, camera_id, start_ms, end_ms, media, bytes, codec, width, height,"
            + " key_frames, sha256, origin";
    /** A camera's clips in some slices of one hour ({@code %s}: the store's condition on the slice). */
    private static final String IN_HOUR = " WHERE start_hour = ? AND %s AND start_ms >= ? AND start_ms < ?"
            + " AND end_ms > ? AND camera_id = ?";
    private static final String PAGE = "SELECT " + COLUMNS + " FROM clip" + IN_HOUR
            + " ORDER BY start_ms, id FETCH FIRST ? ROWS ONLY";
    private static final String PAGE_AFTER = "SELECT " + COLUMNS + " FROM clip" + IN_HOUR
            + " AND (start_ms > ? OR (start_ms = ? AND id > ?)) ORDER BY start_ms, id FETCH FIRST ? ROWS ONLY";
    /**
     * The asked cameras with a clip in one hour's part of a window. Joining the cameras as a table
     * makes the engine seek (hour, camera) once per camera; an {@code IN (...)} list or
     * {@code = ANY(?)} was measured reading the whole hour instead, 10-20 times slower.
     */
    static final String CAMERAS_IN_HOUR = "SELECT DISTINCT c.camera_id FROM UNNEST(?) AS asked(id)"
            + " JOIN clip c ON c.camera_id = asked.id WHERE c.start_hour = ? AND c.slice = ? AND c.start_ms >= ?"
            + " AND c.start_ms < ? AND c.end_ms > ?";
    /** A local RECORDED clip of one hour without a hold: what retention may delete. */
    private static final String DELETABLE_IN_HOUR = "SELECT id FROM clip WHERE start_hour = ? AND origin = 'RECORDED'"
            + " AND node_id IS NULL AND NOT EXISTS (SELECT 1 FROM clip_hold h WHERE h.clip_id = clip.id)";
    private static final long HOUR = ClipHours.HOUR;
    /** The order of the clip table's (hour, camera, start) index. */
    private static final Comparator<Clip> INDEX_ORDER = Comparator
            .comparingInt((Clip clip) -> hourOf(clip.start().toEpochMilli()))
            .thenComparing(Clip::cameraId)
            .thenComparingLong(clip -> clip.start().toEpochMilli());

    private final DataSource dataSource;
    private final AtomicLong longest;
    /** Ids are assigned here, from blocks, which is about 40 % cheaper than the store's identity. */
    private final ClipIds idBlocks;
    /** The bound as stored; written only when a batch exceeds it. */
    private final AtomicLong storedLongest;
    private final ClipSlices slices;
    private final ClipTable table;
    private final ClipHoldRows holds;
    /** {@link #PAGE} and {@link #PAGE_AFTER} with this store's condition on the slice. */
    private final String pageSql;
    private final String pageAfterSql;
    private final JdbcSyncJournal journal;
    private final RecordEncoder encoder;

    private JdbcClipIndex(JdbcClipIndex plain, JdbcSyncJournal journal, RecordEncoder encoder) {
        this.dataSource = plain.dataSource;
        this.slices = plain.slices;
        this.table = plain.table;
        this.holds = plain.holds;
        this.pageSql = plain.pageSql;
        this.pageAfterSql = plain.pageAfterSql;
        this.longest = plain.longest;
        this.idBlocks = plain.idBlocks;
        this.storedLongest = plain.storedLongest;
        this.journal = journal;
        this.encoder = encoder;
    }

    /**
     * The same index on a child tier node: every clip added or deleted is also written to
     * {@code journal}, in the same transaction. Use it instead of this one (they share their ids).
     */
    public JdbcClipIndex journaled(JdbcSyncJournal journal, RecordEncoder encoder) {
        return new JdbcClipIndex(this, Objects.requireNonNull(journal, "journal"), Objects.requireNonNull(encoder));
    }

    public JdbcClipIndex(DataSource dataSource) {
        this(dataSource, 0);
    }

    /** The index with arrival slices of {@code rowsPerSlice} rows (0: the store's own size); for tests. */
    JdbcClipIndex(DataSource dataSource, int rowsPerSlice) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.holds = new ClipHoldRows(dataSource);
        this.longest = new AtomicLong();
        this.storedLongest = new AtomicLong();
        this.journal = null;
        this.encoder = null;
        try {
            this.table = ClipTable.of(dataSource);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot inspect the clip table: " + e.getMessage(), e);
        }
        this.slices = new ClipSlices(dataSource, rowsPerSlice > 0 ? rowsPerSlice : table.rowsPerSlice());
        this.pageSql = String.format(PAGE, table.sliceCondition());
        this.pageAfterSql = String.format(PAGE_AFTER, table.sliceCondition());
        this.idBlocks = new ClipIds(table.nextIdBlockSql());
        try (Connection connection = dataSource.getConnection();
                Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("SELECT bound FROM clip_bound WHERE name = 'longest_ms'")) {
            longest.set(row.next() ? row.getLong(1) : 0);
            storedLongest.set(longest.get());
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the clip index bound: " + e.getMessage(), e);
        }
    }

    /** The query of a camera's window in one hour, as this store runs it (the first page, or one after a cursor). */
    String pageSql(boolean afterCursor) {
        return afterCursor ? pageAfterSql : pageSql;
    }

    /** The groups of slices one execution of {@link #pageSql} asks about, for a window that reaches {@code reach}. */
    List<int[]> sliceGroups(int[] reach) {
        return table.sliceGroups(reach);
    }

    /** Binds a group of slices to a {@link #pageSql} query. */
    void bindSlices(Connection connection, PreparedStatement statement, int index, int[] group) throws SQLException {
        table.bindSlices(connection, statement, index, group);
    }

    /** The slices of {@code hour} whose clips may start in [low, high): what a query of it seeks. */
    int[] reaching(Connection connection, int hour, long low, long high) throws SQLException {
        return slices.reaching(connection, hour, low, high);
    }

    /**
     * Hears, through {@code announcements} (PostgreSQL; H2 has one server), the slices other
     * servers open and the longer clips they index ({@link ClipIndexHearing}), so queries here
     * reach their clips: once a slice's announcement is heard (sent before its clips are written),
     * or for a clip longer than any before, once its batch's is (sent at its commit).
     */
    public void hearOtherServers(StoreAnnouncements announcements) {
        announcements.listen(ClipIndexHearing.CHANNEL, new ClipIndexHearing(slices, bound -> {
            longest.accumulateAndGet(bound, Math::max);
            storedLongest.accumulateAndGet(bound, Math::max);
        }), slices::forgetAll);
    }

    /** The longest clip indexed, in milliseconds. */
    public long longestMillis() {
        return longest.get();
    }

    @Override
    public List<Long> add(List<Clip> clips) {
        if (clips.isEmpty()) {
            return List.of();
        }
        try {
            int[] slice = slices(clips);
            if (journal == null) {
                List<Long> ids = new ArrayList<>(clips.size());
                Transactions.run(dataSource, connection -> ids.addAll(insert(connection, clips, slice, null)));
                committed(clips);
                return ids;
            }
            List<Long> ids = new ArrayList<>(clips.size());
            journal.run((connection, entries) -> {
                ids.addAll(insert(connection, clips, slice, null));
                for (int i = 0; i < clips.size(); i++) {
                    entries.put(Change.Kind.CLIP, Long.toString(ids.get(i)), encoder.clip(clips.get(i).withId(ids.get(i))));
                }
            });
            committed(clips);
            return ids;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot index clips: " + e.getMessage(), e);
        }
    }

    /**
     * The slice of the index each of {@code clips} goes in (by position). Call before the
     * transaction that {@linkplain #insert inserts} them: it may store a new slice, or create a
     * partition, on a connection of its own.
     */
    int[] slices(List<Clip> clips) throws SQLException {
        table.prepare(clips.stream().mapToInt(clip -> hourOf(clip.start().toEpochMilli())).distinct().toArray());
        return slices.assign(clips, clip -> hourOf(clip.start().toEpochMilli()), clip -> clip.start().toEpochMilli());
    }

    /**
     * Inserts {@code clips} in the caller's transaction, each in its slice (from {@link #slices}), a
     * clip held by a node with its node and the node's id, marked with the push that wrote it
     * ({@code syncedSeq}, or null); answers their ids in order. The stored bound is raised in the
     * same transaction; call {@link #committed} once it has committed.
     */
    List<Long> insert(Connection connection, List<Clip> clips, int[] slice, Long syncedSeq) throws SQLException {
        if (clips.isEmpty()) {
            return List.of();
        }
        raiseBound(connection, clips);
        long[] fresh = idBlocks.take(connection, clips.size());
        table.write(connection, clips, inIndexOrder(clips), fresh, slice, syncedSeq);
        List<Long> assigned = new ArrayList<>(clips.size());
        for (long id : fresh) {
            assigned.add(id);
        }
        return assigned;
    }

    /**
     * The positions of {@code clips} in the order of the index (a batch's clips of one hour share
     * a slice, so hour, camera, start). A batch of short clips from many cameras (one minute each,
     * as recorders cut them) would otherwise visit each camera's index page once per clip and in
     * no order; inserted in index order, each page is changed in one run.
     */
    private static int[] inIndexOrder(List<Clip> clips) {
        int[] order = new int[clips.size()];
        boolean sorted = true;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            sorted &= i == 0 || INDEX_ORDER.compare(clips.get(i - 1), clips.get(i)) <= 0;
        }
        if (sorted) { // recorders and imports often deliver them so: nothing to do
            return order;
        }
        return IntStream.range(0, order.length).boxed()
                .sorted((a, b) -> INDEX_ORDER.compare(clips.get(a), clips.get(b)))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * Makes the bound cover {@code clips}, in the caller's transaction: raised in memory before the
     * rows exist, so no reader ever seeks too narrow a range (a failed batch leaves it wider than
     * needed, which costs a little and loses nothing), and in the table when they exceed it.
     */
    void raiseBound(Connection connection, List<Clip> clips) throws SQLException {
        long batchLongest = clips.stream().mapToLong(Clip::durationMillis).max().orElse(0);
        longest.accumulateAndGet(batchLongest, Math::max);
        if (batchLongest > storedLongest.get()) {
            try (PreparedStatement raise = connection.prepareStatement(
                    "UPDATE clip_bound SET bound = ? WHERE name = 'longest_ms' AND bound < ?")) {
                raise.setLong(1, batchLongest);
                raise.setLong(2, batchLongest);
                raise.executeUpdate();
            }
        }
    }

    /** Notes that {@code clips}, {@linkplain #insert inserted} in a transaction, committed with their bound. */
    void committed(List<Clip> clips) {
        storedLongest.accumulateAndGet(clips.stream().mapToLong(Clip::durationMillis).max().orElse(0), Math::max);
    }

    private static int hourOf(long millis) {
        return ClipHours.hourOf(millis);
    }

    /** Clips by id after {@code afterId}, at most {@code limit}: every row in turn, for a full re-send. */
    public List<Clip> page(long afterId, int limit) {
        return clips("SELECT " + COLUMNS + " FROM clip WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY",
                "cannot read clips after " + afterId, afterId, limit);
    }

    /** Clips by id after {@code afterId} up to {@code throughId}, in id order: a page read again. */
    public List<Clip> range(long afterId, long throughId) {
        return clips("SELECT " + COLUMNS + " FROM clip WHERE id > ? AND id <= ? ORDER BY id",
                "cannot read clips after " + afterId, afterId, throughId);
    }

    /** The clips a query with {@code values} bound in order selects ({@link #COLUMNS}, in its order). */
    private List<Clip> clips(String sql, String failure, Object... values) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            List<Clip> clips = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    clips.add(read(rows));
                }
            }
            return clips;
        } catch (SQLException e) {
            throw new StoreUnavailableException(failure + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Clip> get(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM clip WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read clip " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Clip> overlapping(String cameraId, Instant from, Instant to, Cursor after, int limit) {
        long low = from.toEpochMilli() - longest.get();
        long high = to.toEpochMilli();
        int firstHour = hourOf(after == null ? low : Math.max(low, after.startMillis()));
        List<Clip> clips = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement page = table.query(connection, pageSql(after != null))) {
            for (int hour = firstHour; hour <= hourOf(high - 1) && clips.size() < limit; hour++) {
                long hourLow = Math.max(low, hour * HOUR);
                long hourHigh = Math.min(high, (hour + 1) * HOUR);
                int[] reach = slices.reaching(connection, hour, hourLow, hourHigh);
                int wanted = limit - clips.size();
                List<Clip> inHour = new ArrayList<>();
                for (int[] group : table.sliceGroups(reach)) {
                    page.setInt(1, hour);
                    table.bindSlices(connection, page, 2, group);
                    page.setLong(3, hourLow);
                    page.setLong(4, hourHigh);
                    page.setLong(5, from.toEpochMilli());
                    page.setString(6, cameraId);
                    int i = 7;
                    if (after != null) {
                        page.setLong(i++, after.startMillis());
                        page.setLong(i++, after.startMillis());
                        page.setLong(i++, after.id());
                    }
                    page.setInt(i, wanted);
                    try (ResultSet rows = page.executeQuery()) {
                        while (rows.next()) {
                            inHour.add(read(rows));
                        }
                    }
                }
                if (reach.length > 1) { // each execution's rows are in order; their union is not
                    inHour.sort(Comparator.comparing(Clip::start).thenComparingLong(Clip::id));
                }
                clips.addAll(inHour.subList(0, Math.min(wanted, inHour.size())));
            }
            return clips;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot query clips of " + cameraId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> withFootage(List<String> cameraIds, Instant from, Instant to) {
        long low = from.toEpochMilli() - longest.get();
        long high = to.toEpochMilli();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement cameras = table.query(connection, CAMERAS_IN_HOUR)) {
            Set<String> found = new HashSet<>();
            Set<String> pending = new LinkedHashSet<>(cameraIds);
            for (int hour = hourOf(low); hour <= hourOf(high - 1) && !pending.isEmpty(); hour++) {
                long hourLow = Math.max(low, hour * HOUR);
                long hourHigh = Math.min(high, (hour + 1) * HOUR);
                for (int slice : slices.reaching(connection, hour, hourLow, hourHigh)) {
                    cameras.setArray(1, connection.createArrayOf("VARCHAR", pending.toArray()));
                    bind(cameras, 2, hour, slice, hourLow, hourHigh, from.toEpochMilli());
                    try (ResultSet rows = cameras.executeQuery()) {
                        while (rows.next()) {
                            found.add(rows.getString(1));
                        }
                    }
                    pending.removeAll(found);
                    if (pending.isEmpty()) {
                        break;
                    }
                }
            }
            return cameraIds.stream().filter(found::contains).toList();
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot query coverage: " + e.getMessage(), e);
        }
    }

    /**
     * Binds one slice of one hour, clips starting in [low, high) and ending after {@code endAfter},
     * from parameter {@code first} on; answers the next parameter's index.
     */
    private static int bind(PreparedStatement statement, int first, int hour, int slice, long low, long high,
            long endAfter) throws SQLException {
        statement.setInt(first, hour);
        statement.setInt(first + 1, slice);
        statement.setLong(first + 2, low);
        statement.setLong(first + 3, high);
        statement.setLong(first + 4, endAfter);
        return first + 5;
    }

    @Override
    public OptionalInt firstHour(int fromHour) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT MIN(start_hour) FROM clip WHERE start_hour >= ?")) {
            select.setInt(1, fromHour);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    int hour = row.getInt(1);
                    return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(hour);
                }
                return OptionalInt.empty();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot find the oldest clips: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Clip> startingIn(int hour) {
        return clips("SELECT " + COLUMNS + " FROM clip WHERE start_hour = ? ORDER BY start_ms, id",
                "cannot read the clips of hour " + hour, hour);
    }

    @Override
    public Map<String, Long> recordedBytesByCamera() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT camera_id, SUM(bytes) FROM clip"
                        + " WHERE origin = 'RECORDED' AND node_id IS NULL GROUP BY camera_id");
                ResultSet rows = select.executeQuery()) {
            Map<String, Long> bytes = new HashMap<>();
            while (rows.next()) {
                bytes.put(rows.getString(1), rows.getLong(2));
            }
            return bytes;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot sum recorded bytes: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<Long> held(List<Long> ids) {
        return holds.held(ids);
    }

    @Override
    public void hold(long clipId, String reason, Instant at) {
        holds.hold(clipId, reason, at);
    }

    @Override
    public boolean release(long clipId) {
        return holds.release(clipId);
    }

    @Override
    public Optional<String> holdOf(long clipId) {
        return holds.holdOf(clipId);
    }

    @Override
    public void delete(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            if (journal == null) {
                Transactions.run(dataSource, connection -> deleteUnheld(connection, ids));
            } else {
                journal.run((connection, entries) -> {
                    for (long id : deleteUnheld(connection, ids)) {
                        entries.delete(Change.Kind.CLIP, Long.toString(id));
                    }
                });
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot delete clips: " + e.getMessage(), e);
        }
    }

    @Override
    public int hoursPerPart() {
        return journal == null ? table.hoursPerPart() : 1;
    }

    @Override
    public long deleteHours(int first, int last) {
        try {
            if (journal == null) {
                return table.deleteHours(dataSource, first, last);
            }
            long deleted = 0;
            for (int hour = first; hour <= last; hour++) { // each deletion is also a journal entry
                List<Long> ids = new ArrayList<>();
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement select = connection.prepareStatement(DELETABLE_IN_HOUR)) {
                    select.setInt(1, hour);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                        }
                    }
                }
                delete(ids);
                deleted += ids.size();
            }
            return deleted;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot delete the clips of hours " + first + " to " + last + ": "
                    + e.getMessage(), e);
        }
    }

    /** Deletes the clips of {@code ids} that no hold keeps; answers those deleted. */
    List<Long> deleteUnheld(Connection connection, List<Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM clip WHERE id = ? AND NOT EXISTS (SELECT 1 FROM clip_hold WHERE clip_id = ?)")) {
            for (long id : ids) {
                delete.setLong(1, id);
                delete.setLong(2, id);
                delete.addBatch();
            }
            int[] counts = delete.executeBatch();
            List<Long> deleted = new ArrayList<>(ids.size());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) { // a driver may answer SUCCESS_NO_INFO (-2): deleted, count unknown
                    deleted.add(ids.get(i));
                }
            }
            return deleted;
        }
    }

    private static Clip read(ResultSet row) throws SQLException {
        return new Clip(row.getLong(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3)),
                Instant.ofEpochMilli(row.getLong(4)), row.getString(5), (Long) row.getObject(6, Long.class),
                row.getString(7), row.getObject(8, Integer.class), row.getObject(9, Integer.class),
                row.getObject(10, Integer.class), row.getString(11), ClipOrigin.valueOf(row.getString(12)));
    }

}
