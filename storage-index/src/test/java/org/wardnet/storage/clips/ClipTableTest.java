package org.wardnet.storage.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.storage.Database;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;

/**
 * What differs per store in the clip table, checked on both: values COPY must escape come back as
 * written, partitions (PostgreSQL) are made ahead of the clips, and deleting whole hours keeps
 * what must stay and drops a day's partition only when nothing in it must.
 */
class ClipTableTest extends StoreTestCase {

    private static final Instant MIDNIGHT = Instant.parse("2026-10-01T00:00:00Z");
    private static final int DAY = (int) (MIDNIGHT.toEpochMilli() / 86_400_000L);

    private static Clip clip(String camera, Instant start, String media, ClipOrigin origin) {
        return new Clip(0, camera, start, start.plusSeconds(60), media, 10L, "H264", null, 360, null, null, origin);
    }

    @StoreTest
    void awkwardTextComesBackAsWritten() {
        try (Database db = Database.open(config())) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            String media = "/rec/tab\there/back\\slash/new\nline/cr\rx/\u6444\u50cf\u673a/\\N/end.mp4";
            long id = index.add(List.of(clip("cam\\1", MIDNIGHT, media, ClipOrigin.RECORDED))).get(0);
            Clip stored = index.get(id).orElseThrow();
            assertEquals(media, stored.media());
            assertEquals("cam\\1", stored.cameraId());
            assertEquals(null, stored.width(), "a null stays null, not \"\\N\" or 0");
            assertEquals(360, stored.height());
            assertEquals(null, stored.sha256());
        }
    }

    @StoreTest
    void aBatchFindsItsDaysPartitionsAndTheNextDaysReady() throws Exception {
        try (Database db = Database.open(config())) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            index.add(List.of(clip("a", MIDNIGHT.plus(Duration.ofHours(23)), "/a/1", ClipOrigin.RECORDED),
                    clip("a", MIDNIGHT.minus(Duration.ofDays(400)), "/a/old", ClipOrigin.IMPORTED)));
            assertEquals(2, index.startingIn(DAY * 24 + 23).size() + index.startingIn((DAY - 400) * 24).size());
            if (store.postgres()) {
                assertTrue(partition(db, DAY));
                assertTrue(partition(db, DAY + 1), "the next day's partition is there before its first clip");
                assertTrue(partition(db, DAY - 400), "imported footage of any age gets its partition");
                assertFalse(partition(db, DAY + 2));
            }
            JdbcClipIndex restarted = new JdbcClipIndex(db.dataSource()); // knows the partitions already made
            restarted.add(List.of(clip("a", MIDNIGHT.plus(Duration.ofHours(24)), "/a/2", ClipOrigin.RECORDED)));
            assertEquals(1, restarted.startingIn(DAY * 24 + 24).size());
        }
    }

    @StoreTest
    void wholeHoursGoButKeepersStay() throws Exception {
        try (Database db = Database.open(config())) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            List<Clip> clips = new ArrayList<>();
            for (int day = 0; day < 3; day++) {
                for (int minute = 0; minute < 24 * 60; minute += 30) {
                    clips.add(clip("a", MIDNIGHT.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(minute)),
                            "/a/" + day + "/" + minute, ClipOrigin.RECORDED));
                }
            }
            List<Long> ids = index.add(clips);
            long imported = index.add(List.of(clip("a", MIDNIGHT.plus(Duration.ofDays(1)).plusSeconds(7), "/imp",
                    ClipOrigin.IMPORTED))).get(0);
            index.hold(ids.get(3 * 48 - 1), "case", MIDNIGHT); // the last clip of the third day

            assertEquals(store.postgres() ? 24 : 1, index.hoursPerPart());
            int first = DAY * 24;
            assertEquals(48 + 48 + 47, index.deleteHours(first, first + 3 * 24 - 1));
            assertTrue(index.get(imported).isPresent(), "imported footage stays");
            assertTrue(index.get(ids.get(3 * 48 - 1)).isPresent(), "a held clip stays");
            assertEquals(2, index.startingIn(first + 24).size() + index.startingIn(first + 71).size());
            if (store.postgres()) {
                assertFalse(partition(db, DAY), "nothing had to stay: dropped whole");
                assertTrue(partition(db, DAY + 1), "imported footage keeps its day");
                assertTrue(partition(db, DAY + 2), "a held clip keeps its day");
            }
            assertEquals(0, index.deleteHours(first, first + 23), "a dropped day deletes nothing more");
            assertTrue(index.overlapping("a", MIDNIGHT, MIDNIGHT.plus(Duration.ofDays(1)), null, 10).isEmpty());
            index.add(List.of(clip("a", MIDNIGHT.plusSeconds(60), "/a/late", ClipOrigin.IMPORTED)));
            assertEquals(1, index.startingIn(first).size(), "a dropped day takes clips again");
        }
    }

    private static boolean partition(Database db, int day) throws Exception {
        try (Connection connection = db.dataSource().getConnection(); Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("SELECT to_regclass('" + PartitionedClipTable.partitionOf(day)
                        + "') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
