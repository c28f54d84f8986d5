package org.wardnet.storage.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.wardnet.core.federation.Change;
import org.wardnet.storage.Database;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;

/**
 * The journal on a real H2 file and a real PostgreSQL: entries commit with their work or vanish with it, are read in
 * commit-safe order (a slow transaction holds back the ones numbered after it), survive a reopen
 * with numbering going on, and pruning keeps the newest entry so numbers are never reused.
 */
class JdbcSyncJournalTest extends StoreTestCase {

    @StoreTest
    void entriesCommitWithTheirWorkAndAreReadInOrder() throws Exception {
        try (Database db = Database.open(config())) {
            JdbcSyncJournal journal = new JdbcSyncJournal(db.dataSource(), Clock.systemUTC());
            journal.run((connection, entries) -> {
                entries.put(Change.Kind.SITE, "R1", "{\"id\":\"R1\"}");
                entries.put(Change.Kind.CAMERA, "c1", "{\"id\":\"c1\"}");
            });
            assertThrows(SQLException.class, () -> journal.run((connection, entries) -> {
                entries.put(Change.Kind.CAMERA, "c2", "{\"id\":\"c2\"}");
                try (PreparedStatement broken = connection.prepareStatement("INSERT INTO no_such_table VALUES (1)")) {
                    broken.executeUpdate();
                }
            }));
            journal.run((connection, entries) -> entries.delete(Change.Kind.CAMERA, "c1"));

            List<Change> read = journal.after(0, 100);
            assertEquals(List.of("R1", "c1", "c1"), read.stream().map(Change::key).toList(),
                    "the rolled-back entry is gone with its work");
            assertEquals(List.of(1L, 2L, 4L), read.stream().map(Change::seq).toList(), "its number is a gap");
            assertEquals(Change.Op.DELETE, read.get(2).op());
            assertEquals(null, read.get(2).payload());
            assertEquals(List.of(4L), journal.after(2, 100).stream().map(Change::seq).toList());
            assertEquals(1, journal.after(0, 1).size(), "the limit is kept");
        }
    }

    @StoreTest
    void aSlowTransactionHoldsBackTheOnesNumberedAfterIt() throws Exception {
        try (Database db = Database.open(config())) {
            JdbcSyncJournal journal = new JdbcSyncJournal(db.dataSource(), Clock.systemUTC());
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> {
                try {
                    journal.run((connection, entries) -> {
                        entries.put(Change.Kind.CLIP, "1", "{\"id\":1}");
                        written.countDown();
                        await(release);
                    });
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(written.await(10, TimeUnit.SECONDS));
            journal.run((connection, entries) -> entries.put(Change.Kind.CLIP, "2", "{\"id\":2}"));
            assertEquals(List.of(), journal.after(0, 100), "number 2 committed, but 1 is still open");
            assertEquals(0, journal.watermark());
            release.countDown();
            slow.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(1L, 2L), journal.after(0, 100).stream().map(Change::seq).toList());
        }
    }

    @StoreTest
    void numberingGoesOnAfterAReopenAndAPrune() throws Exception {
        try (Database db = Database.open(config())) {
            JdbcSyncJournal journal = new JdbcSyncJournal(db.dataSource(), Clock.systemUTC());
            for (int i = 0; i < 5; i++) {
                String key = "c" + i;
                journal.run((connection, entries) -> entries.put(Change.Kind.CAMERA, key, "{}"));
            }
            assertEquals(4, journal.prune(5), "everything acknowledged: all but the newest entry go");
            assertEquals(List.of(5L), journal.after(0, 100).stream().map(Change::seq).toList());
        }
        try (Database db = Database.open(config())) {
            JdbcSyncJournal journal = new JdbcSyncJournal(db.dataSource(), Clock.systemUTC());
            assertEquals(5, journal.watermark());
            journal.run((connection, entries) -> entries.put(Change.Kind.CAMERA, "c5", "{}"));
            assertEquals(List.of(6L), journal.after(5, 100).stream().map(Change::seq).toList(),
                    "a number the parent acknowledged is never given again");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
