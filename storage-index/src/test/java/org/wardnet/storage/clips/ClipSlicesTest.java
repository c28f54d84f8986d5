package org.wardnet.storage.clips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.storage.Database;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;

/**
 * One-minute segments of many cameras fill several arrival slices of an hour; every query sees
 * all of them, across a restart and across the migration that brought slices in.
 */
class ClipSlicesTest extends StoreTestCase {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");
    private static final int CAMERAS = 300;
    /** The slice size of these tests on both stores (H2's own; PostgreSQL's is larger). */
    private static final int ROWS_PER_SLICE = 8_192;


    private static Clip minute(int camera, int minute) {
        Instant start = T0.plusSeconds(minute * 60L);
        return new Clip(0, "cam" + camera, start, start.plusSeconds(60), "/rec/" + camera + "/" + minute + ".mp4",
                1000L, "H264", 640, 360, 2, null, ClipOrigin.RECORDED);
    }

    /** Adds an hour of one-minute clips of every camera, minute by minute (the recorders' order). */
    private static void addHour(JdbcClipIndex index) {
        for (int m = 0; m < 60; m++) {
            List<Clip> batch = new ArrayList<>();
            for (int c = CAMERAS - 1; c >= 0; c--) { // not in index order: the index sorts
                batch.add(minute(c, m));
            }
            index.add(batch);
        }
    }

    private static int distinctSlices(Database db) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
                Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("SELECT COUNT(DISTINCT slice) FROM clip")) {
            row.next();
            return row.getInt(1);
        }
    }

    @StoreTest
    void anHourOfManyCamerasSpansSlicesAndEveryQuerySeesAllOfIt() throws SQLException {
        try (Database db = Database.open(config())) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource(), ROWS_PER_SLICE);
            addHour(index);
            assertTrue(distinctSlices(db) >= 2, "18,000 clips of an hour fill more than one slice of "
                    + ROWS_PER_SLICE);

            List<Clip> whole = index.overlapping("cam7", T0, T0.plusSeconds(3600), null, 1000);
            assertEquals(60, whole.size());
            for (int m = 0; m < 60; m++) {
                assertEquals(T0.plusSeconds(m * 60L), whole.get(m).start(), "in start order across slices");
            }
            List<Long> paged = new ArrayList<>();
            ClipIndex.Cursor cursor = null;
            while (true) {
                List<Clip> page = index.overlapping("cam7", T0, T0.plusSeconds(3600), cursor, 7);
                page.forEach(clip -> paged.add(clip.id()));
                if (page.size() < 7) {
                    break;
                }
                Clip last = page.get(page.size() - 1);
                cursor = new ClipIndex.Cursor(last.start().toEpochMilli(), last.id());
            }
            assertEquals(whole.stream().map(Clip::id).toList(), paged, "pages without gaps or repeats");

            List<String> asked = new ArrayList<>();
            for (int c = 0; c < CAMERAS; c++) {
                asked.add("cam" + c);
            }
            asked.add("nobody");
            for (int minute : new int[] {0, 29, 59}) {
                Instant at = T0.plusSeconds(minute * 60L + 10);
                assertEquals(asked.subList(0, CAMERAS), index.withFootage(asked, at, at.plusSeconds(5)),
                        "coverage at minute " + minute);
            }
        }
    }

    @StoreTest
    void aRestartedIndexFindsTheEarlierSlicesAndWritesInANewOne() throws SQLException {
        int before;
        try (Database db = Database.open(config())) {
            addHour(new JdbcClipIndex(db.dataSource(), ROWS_PER_SLICE));
            before = distinctSlices(db);
        }
        try (Database db = Database.open(config())) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource(), ROWS_PER_SLICE);
            assertEquals(3, before, "18,000 clips in slices of 8,192");
            try (Connection connection = db.dataSource().getConnection()) {
                long low = T0.plusSeconds(5 * 60).toEpochMilli();
                int hour = (int) (low / 3_600_000L);
                assertArrayEquals(new int[] {0, 2}, index.reaching(connection, hour, low, low + 60_000),
                        "minute 5 is in the first slice, whose stored span says so; the newest is always sought");
            }
            assertEquals(60, index.overlapping("cam3", T0, T0.plusSeconds(3600), null, 1000).size());
            index.add(List.of(minute(3, 30))); // a second clip at minute 30, as a late upload would bring
            assertEquals(before + 1, distinctSlices(db), "a restarted process opens a slice of its own");
            List<Clip> clips = index.overlapping("cam3", T0.plusSeconds(30 * 60), T0.plusSeconds(31 * 60), null, 10);
            assertEquals(2, clips.size());
            assertEquals(clips.get(0).start(), clips.get(1).start());
        }
    }

    @StoreTest
    void clipsIndexedBeforeSlicesExistedAreFoundAfterTheMigration() throws SQLException {
        String url = store.postgres() ? config().get(WardnetKeys.STORE_JDBC_URL)
                : "jdbc:h2:file:" + Path.of(config().get(WardnetKeys.STORE_DATA_DIR)).resolve("wardnet") + ";WRITE_DELAY=0";
        String user = store.postgres() ? config().get(WardnetKeys.STORE_USERNAME) : "wardnet";
        Flyway.configure().dataSource(url, user, "").locations(Database.migrations(url)).target("13").load().migrate();
        try (Connection connection = java.sql.DriverManager.getConnection(url, user, ""); Statement insert = connection.createStatement()) {
            long start = T0.toEpochMilli();
            insert.execute("INSERT INTO clip (id, start_hour, camera_id, start_ms, end_ms, media, origin) VALUES"
                    + " (1, " + start / 3_600_000L + ", 'old', " + start + ", " + (start + 60_000) + ", '/rec/old/0.mp4',"
                    + " 'RECORDED')");
        }
        try (Database db = Database.open(config())) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource(), ROWS_PER_SLICE);
            assertEquals(1, index.overlapping("old", T0, T0.plusSeconds(60), null, 10).size());
            assertEquals(List.of("old"), index.withFootage(List.of("old", "new"), T0, T0.plusSeconds(60)));
            index.add(List.of(new Clip(0, "new", T0, T0.plusSeconds(60), "/rec/new/0.mp4", 1L, "H264", 640, 360, 2,
                    null, ClipOrigin.RECORDED)));
            assertEquals(List.of("old", "new"), index.withFootage(List.of("old", "new"), T0, T0.plusSeconds(60)));
        }
    }
}
