package org.wardnet.storage.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.storage.Database;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;
import org.wardnet.storage.federation.IdEncoder;
import org.wardnet.storage.federation.JdbcSyncJournal;

/** The clip index on a real H2 file and a real PostgreSQL: overlap seeks, paging, coverage, the longest-clip bound across restarts. */
class JdbcClipIndexTest extends StoreTestCase {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");

    private static Clip clip(String camera, int startMinute, int endMinute) {
        return new Clip(0, camera, T0.plusSeconds(startMinute * 60L), T0.plusSeconds(endMinute * 60L),
                "/rec/" + camera + "/" + startMinute + ".mp4", 1000L, "H264", 640, 360, 2, null, ClipOrigin.RECORDED);
    }

    @StoreTest
    void overlapSeeksFindClipsThatStartedBeforeTheWindow() {
        try (Database db = Database.open(config())) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            List<Clip> clips = new ArrayList<>();
            for (int m = 0; m < 60; m++) {
                clips.add(clip("a", m, m + 1)); // one-minute segments for an hour
            }
            clips.add(clip("b", -120, 45)); // one long clip that began two hours earlier
            clips.add(clip("c", 100, 110));
            List<Long> ids = index.add(clips);
            assertEquals(62, ids.size());
            assertEquals(165 * 60_000L, index.longestMillis());

            List<Clip> a = index.overlapping("a", T0.plusSeconds(10 * 60 + 30), T0.plusSeconds(20 * 60), null, 100);
            assertEquals(10, a.size(), "minutes 10..19, the first cut by the window");
            assertEquals(T0.plusSeconds(600), a.get(0).start());
            List<Clip> b = index.overlapping("b", T0.plusSeconds(30 * 60), T0.plusSeconds(31 * 60), null, 10);
            assertEquals(1, b.size(), "found although it started 150 minutes before the window");
            assertEquals(ClipOrigin.RECORDED, b.get(0).origin());
            assertEquals(List.of("a", "b"), index.withFootage(List.of("a", "b", "c", "nobody"), T0.plusSeconds(40 * 60),
                    T0.plusSeconds(41 * 60)));
            assertTrue(index.withFootage(List.of("a"), T0.plusSeconds(60 * 60), T0.plusSeconds(61 * 60)).isEmpty(),
                    "end is exclusive");
            Clip stored = index.get(ids.get(0)).orElseThrow();
            assertEquals(clip("a", 0, 1).media(), stored.media());
            assertEquals(640, stored.width());
            assertTrue(index.get(-1).isEmpty());
        }
    }

    @StoreTest
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        try (Database db = Database.open(config())) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            List<Clip> clips = new ArrayList<>();
            for (int m = 0; m < 25; m++) {
                clips.add(clip("a", m, m + 1));
                clips.add(clip("a", m, m + 2)); // two clips per start: the id breaks the tie
            }
            index.add(clips);
            List<Long> seen = new ArrayList<>();
            ClipIndex.Cursor cursor = null;
            while (true) {
                List<Clip> page = index.overlapping("a", T0, T0.plusSeconds(3600), cursor, 7);
                page.forEach(c -> seen.add(c.id()));
                if (page.size() < 7) {
                    break;
                }
                Clip last = page.get(page.size() - 1);
                cursor = new ClipIndex.Cursor(last.start().toEpochMilli(), last.id());
            }
            assertEquals(50, seen.size());
            assertEquals(50, seen.stream().distinct().count());
        }
    }

    @StoreTest
    void coverageOfManyCamerasSeesClipsFromEarlierHoursAndKeepsTheAskedOrder() {
        try (Database db = Database.open(config())) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            List<Clip> clips = new ArrayList<>();
            List<String> cameras = new ArrayList<>();
            for (int c = 0; c < 200; c++) {
                cameras.add("cam" + c);
                if (c % 3 == 0) {
                    clips.add(clip("cam" + c, -50, 10)); // began in the previous hour, reaches into the window
                    clips.add(clip("cam" + c, 10, 20)); // and again inside the window's own hour
                } else if (c % 3 == 1) {
                    clips.add(clip("cam" + c, 90, 100)); // after the window
                }
            }
            index.add(clips);
            List<String> many = index.withFootage(cameras, T0.plusSeconds(5 * 60), T0.plusSeconds(30 * 60));
            assertEquals(67, many.size());
            assertEquals("cam0", many.get(0));
            assertEquals(67, new java.util.HashSet<>(many).size(), "each camera once");
            List<String> reversed = new ArrayList<>(cameras.subList(0, 30));
            java.util.Collections.reverse(reversed);
            List<String> few = index.withFootage(reversed, T0.plusSeconds(5 * 60), T0.plusSeconds(30 * 60));
            List<String> expected = new ArrayList<>(many.subList(0, 10));
            java.util.Collections.reverse(expected);
            assertEquals(expected, few, "answered in the order asked");
        }
    }

    @StoreTest
    void theLongestClipBoundSurvivesARestart() {
        try (Database db = Database.open(config())) {
            new JdbcClipIndex(db.dataSource()).add(List.of(clip("a", 0, 600)));
        }
        try (Database db = Database.open(config())) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            assertEquals(600 * 60_000L, index.longestMillis());
            assertEquals(1, index.overlapping("a", T0.plusSeconds(500 * 60), T0.plusSeconds(501 * 60), null, 5).size());
        }
    }

    @StoreTest
    void aJournaledIndexJournalsItsClipsAndOnlyTheDeletesThatHappened() {
        try (Database db = Database.open(config())) {
            JdbcSyncJournal journal = new JdbcSyncJournal(db.dataSource(), Clock.systemUTC());
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource()).journaled(journal,
                    new IdEncoder());
            List<Long> ids = index.add(List.of(clip("a", 0, 1), clip("a", 1, 2)));
            index.hold(ids.get(1), "case 4", T0);
            index.delete(ids);
            assertEquals(List.of("PUT " + ids.get(0), "PUT " + ids.get(1), "DELETE " + ids.get(0)),
                    journal.after(0, 10).stream().map(c -> c.op() + " " + c.key()).toList(),
                    "the held clip stays, so no delete of it goes upward");
            assertEquals("clip " + ids.get(0) + " of a at " + T0, journal.after(0, 1).get(0).payload());
        }
    }

    @StoreTest
    void aJournaledIndexDeletesWholeHoursOneJournalEntryEach() {
        try (Database db = Database.open(config())) {
            JdbcSyncJournal journal = new JdbcSyncJournal(db.dataSource(), Clock.systemUTC());
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource()).journaled(journal, new IdEncoder());
            assertEquals(1, index.hoursPerPart(), "a node's deletions go upward one by one: no part is dropped");
            List<Long> ids = index.add(List.of(clip("a", 0, 1), clip("a", 1, 2), clip("a", 2, 3)));
            long imported = index.add(List.of(new Clip(0, "a", T0, T0.plusSeconds(60), "/imp", 1L, "H264", 640, 360,
                    2, null, ClipOrigin.IMPORTED))).get(0);
            index.hold(ids.get(2), "case 5", T0);
            int hour = (int) (T0.toEpochMilli() / 3_600_000L);
            assertEquals(2, index.deleteHours(hour, hour));
            assertEquals(List.of("DELETE " + ids.get(0), "DELETE " + ids.get(1)),
                    journal.after(0, 10).stream().filter(c -> c.op().name().equals("DELETE"))
                            .map(c -> c.op() + " " + c.key()).toList());
            assertTrue(index.get(ids.get(2)).isPresent(), "held");
            assertTrue(index.get(imported).isPresent(), "imported");
        }
    }
}
