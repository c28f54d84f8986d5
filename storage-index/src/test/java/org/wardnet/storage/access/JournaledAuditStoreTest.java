package org.wardnet.storage.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.storage.Database;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;

/**
 * The journal in front of the database: appends are read back in order, entries only the journal
 * holds (a killed server's) reach the database on the next open, a database that indexed more
 * than a power cut left in the journal is repaired from the journal, spans fold into blocks for a
 * store read without its journal, and a journal that does not continue the database's trail is
 * refused.
 */
class JournaledAuditStoreTest extends StoreTestCase {

    private static final Instant AT = Instant.parse("2026-12-05T23:00:00Z");

    @TempDir
    Path journalDir;

    private static List<AuditEntry.Draft> drafts(String prefix, int count) {
        List<AuditEntry.Draft> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new AuditEntry.Draft(AT, "ana", "*", "127.0.0.1", "clips.list", "/api/v1/clips/" + prefix + i, 200));
        }
        return out;
    }

    @StoreTest
    void appendsAreIndexedAndReadBackAsOneChain() throws Exception {
        try (Database db = store.open();
                JournaledAuditStore audit = JournaledAuditStore.open(new JdbcAuditStore(db.dataSource()), journalDir,
                        JournaledAuditStore.Sync.EACH_GROUP)) {
            List<AuditEntry> appended = new ArrayList<>();
            for (int b = 0; b < 20; b++) {
                appended.addAll(audit.append(drafts("b" + b + "-", 50)));
            }
            assertEquals(new AuditStore.Head(1000, appended.get(999).hash()), audit.head());
            List<AuditEntry> read = audit.read(0, 5_000); // waits until all are indexed
            assertEquals(appended, read);
            assertTrue(AuditChain.firstBreak(read.iterator()).isEmpty());
            assertEquals(List.of(appended.get(7)), audit.about("/api/v1/clips/b0-7", 10));
            assertEquals(0, audit.unindexed());
        }
    }

    @StoreTest
    void entriesOnlyTheJournalHoldsAreStoredWhenItIsNextOpened() throws Exception {
        try (Database db = store.open()) {
            JdbcAuditStore database = new JdbcAuditStore(db.dataSource());
            List<AuditEntry> indexed = database.append(drafts("indexed-", 3));
            // a server killed after journaling (and answering) these, before indexing them
            List<AuditEntry> journaledOnly = new ArrayList<>();
            String previous = indexed.get(2).hash();
            for (AuditEntry.Draft draft : drafts("journaled-", 4)) {
                AuditEntry e = AuditChain.link(indexed.size() + journaledOnly.size() + 1, draft, previous);
                previous = e.hash();
                journaledOnly.add(e);
            }
            try (AuditJournal journal = AuditJournal.open(journalDir)) {
                journal.append(indexed, true); // the journal also still holds what was indexed
                journal.append(journaledOnly, true);
            }
            assertEquals(3, database.head().seq());
            try (JournaledAuditStore audit = JournaledAuditStore.open(database, journalDir,
                    JournaledAuditStore.Sync.PERIODIC)) {
                assertEquals(7, database.head().seq(), "stored before the first append");
                List<AuditEntry> all = new ArrayList<>(indexed);
                all.addAll(journaledOnly);
                all.add(audit.append(drafts("after-", 1)).get(0));
                List<AuditEntry> read = audit.read(0, 100);
                assertEquals(all, read);
                assertTrue(AuditChain.firstBreak(read.iterator()).isEmpty());
            }
        }
    }

    @StoreTest
    void aJournalThatDoesNotContinueTheDatabasesTrailIsRefused() throws Exception {
        try (Database db = store.open()) {
            JdbcAuditStore database = new JdbcAuditStore(db.dataSource());
            database.append(drafts("stored-", 2));
            AuditEntry elsewhere = AuditChain.link(3, drafts("other-", 1).get(0), AuditChain.GENESIS);
            try (AuditJournal journal = AuditJournal.open(journalDir)) {
                journal.append(List.of(elsewhere), true); // another trail's entry 3: its link is not entry 2's hash
            }
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> JournaledAuditStore.open(database, journalDir, JournaledAuditStore.Sync.PERIODIC));
            assertTrue(e.getMessage().contains("does not continue"), e.getMessage());
            assertEquals(2, database.head().seq(), "nothing of it was stored");
        }
    }

    @StoreTest
    void aPowerCutThatLostJournalPagesTheDatabaseIndexedIsRepairedFromTheJournal() throws Exception {
        try (Database db = store.open()) {
            JdbcAuditStore database = new JdbcAuditStore(db.dataSource());
            List<AuditEntry> appended = new ArrayList<>();
            try (JournaledAuditStore audit = JournaledAuditStore.open(database, journalDir,
                    JournaledAuditStore.Sync.PERIODIC)) {
                for (int b = 0; b < 10; b++) {
                    appended.addAll(audit.append(drafts("p" + b + "-", 10)));
                }
                assertEquals(100, audit.read(0, 1_000).size()); // indexed: the database's spans reach entry 100
            }
            // The database's commit survived, the journal's last 40 records did not.
            Path segment;
            try (var files = java.nio.file.Files.list(journalDir)) {
                segment = files.filter(f -> f.toString().endsWith(".audit")).findFirst().orElseThrow();
            }
            long[] endOf60 = {0};
            try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(segment,
                    java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
                JournalRecords.readAll(in, (entry, offset, length) -> {
                    if (entry.seq() == 60) {
                        endOf60[0] = offset + length;
                    }
                });
                in.truncate(endOf60[0]);
            }
            assertEquals(100, database.head().seq());
            try (JournaledAuditStore audit = JournaledAuditStore.open(database, journalDir,
                    JournaledAuditStore.Sync.PERIODIC)) {
                List<AuditEntry> read = audit.read(0, 1_000);
                assertEquals(appended.subList(0, 60), read.subList(0, 60), "the trail goes on from what the journal holds");
                AuditEntry loss = read.get(60);
                assertEquals(JournaledAuditStore.LOST_ACTION, loss.action(), "the loss is written into the chain");
                assertEquals("entries 61-100 indexed, then missing from the journal", loss.target());
                assertEquals(appended.get(59).hash(), loss.previousHash());
                AuditEntry next = audit.append(drafts("after-", 1)).get(0);
                assertEquals(62, next.seq());
                read = audit.read(0, 1_000);
                assertEquals(62, read.size());
                assertTrue(AuditChain.firstBreak(read.iterator()).isEmpty());
            }
        }
    }

    @StoreTest
    void aTrailFoldedIntoBlocksReadsWithoutItsJournalAndGoesOnInSpans() throws Exception {
        try (Database db = store.open()) {
            JdbcAuditStore database = new JdbcAuditStore(db.dataSource());
            List<AuditEntry> appended = new ArrayList<>();
            try (JournaledAuditStore audit = JournaledAuditStore.open(database, journalDir,
                    JournaledAuditStore.Sync.PERIODIC)) {
                for (int b = 0; b < 3; b++) {
                    appended.addAll(audit.append(drafts("f" + b + "-", 10)));
                }
            }
            assertThrows(IllegalStateException.class, () -> database.read(0, 100),
                    "spans are not read without the journal they point into");
            assertEquals(30, JournaledAuditStore.foldIntoDatabase(database, journalDir));
            assertEquals(appended, database.read(0, 100), "folded into blocks: read without the journal");
            try (JournaledAuditStore audit = JournaledAuditStore.open(database, journalDir,
                    JournaledAuditStore.Sync.PERIODIC)) {
                appended.addAll(audit.append(drafts("later-", 5)));
                List<AuditEntry> read = audit.read(0, 100);
                assertEquals(appended, read, "blocks, then the spans after them");
                assertTrue(AuditChain.firstBreak(read.iterator()).isEmpty());
            }
            assertEquals(new AuditStore.Head(35, appended.get(34).hash()), database.head());
        }
    }
}
