package org.wardnet.storage.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.core.audit.AuditDamageException;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.storage.Database;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;

/**
 * The trail in the database: entries stored one row each before blocks existed are read first and
 * continued by blocks, then by spans of the journal; a group larger than a block is split; spans
 * are stored once and fold into blocks; a block whose bytes no longer decode fails reads naming
 * its first entry instead of being skipped.
 */
class AuditBlocksTest extends StoreTestCase {

    private static final Instant AT = Instant.parse("2026-12-06T03:00:00Z");

    private static List<AuditEntry.Draft> drafts(String prefix, int count) {
        List<AuditEntry.Draft> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new AuditEntry.Draft(AT.plusMillis(i), "ana", i % 2 == 0 ? "*" : null, "127.0.0.1", "clips.list",
                    "/api/v1/cases/" + prefix + i + (i % 3 == 0 ? "?export=1" : ""), 200));
        }
        return out;
    }

    @StoreTest
    void rowsWrittenBeforeBlocksComeFirstAndTheChainGoesOnThroughBlocks() throws Exception {
        try (Database db = store.open()) {
            List<AuditEntry> rows = AuditChain.linkAll(0, AuditChain.GENESIS, drafts("old-", 5));
            try (Connection c = db.dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO audit_entry (seq, at_ms, actor, address, action, target, result, prev_hash, hash,"
                            + " scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEntry e : rows) { // as a store from before this version holds them
                    insert.setLong(1, e.seq());
                    insert.setLong(2, e.at().toEpochMilli());
                    insert.setString(3, e.actor());
                    insert.setString(4, e.address());
                    insert.setString(5, e.action());
                    insert.setString(6, e.target());
                    insert.setInt(7, e.result());
                    insert.setString(8, e.previousHash());
                    insert.setString(9, e.hash());
                    insert.setString(10, e.scope());
                    insert.executeUpdate();
                }
            }
            JdbcAuditStore audit = new JdbcAuditStore(db.dataSource());
            assertEquals(new AuditStore.Head(5, rows.get(4).hash()), audit.head());
            List<AuditEntry> appended = audit.append(drafts("new-", 2_345));
            assertEquals(6, appended.get(0).seq());
            assertEquals(rows.get(4).hash(), appended.get(0).previousHash());
            assertEquals(3, count(db, "audit_block"), "2,345 entries in blocks of at most 1,000");

            List<AuditEntry> all = new ArrayList<>(rows);
            all.addAll(appended);
            assertEquals(all, audit.read(0, 10_000));
            assertEquals(all.subList(3, 1_503), audit.read(3, 1_500), "a page across rows and blocks");
            assertEquals(all.subList(1_200, 1_210), audit.read(1_200, 10), "a page inside a block");
            assertTrue(AuditChain.firstBreak(audit.read(0, 10_000).iterator()).isEmpty());
            assertEquals(List.of(rows.get(3)), audit.about("/api/v1/cases/old-3", 10), "a row, by its target");
            assertEquals(List.of(appended.get(12)), audit.about("/api/v1/cases/new-12", 10), "in a block, by its target");
            assertEquals(List.of(appended.get(1_500)), audit.about("/api/v1/cases/new-1500", 10),
                    "with a query after the path; not new-15 nor new-150");
            assertEquals(new AuditStore.Head(2_350, appended.get(2_344).hash()), audit.head());
        }
    }

    @StoreTest
    void journaledGroupsAreIndexedAsSpansStoredOnceAndFoldedIntoBlocksOnRequest() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("wardnet-audit-spans-");
        try (Database db = store.open(); AuditJournal journal = AuditJournal.open(dir)) {
            JdbcAuditStore audit = new JdbcAuditStore(db.dataSource());
            List<AuditEntry> linked = AuditChain.linkAll(0, AuditChain.GENESIS, drafts("g-", 1_700));
            UnindexedSpans unindexed = new UnindexedSpans();
            for (int from = 0; from < linked.size(); from += 170) { // as the journaled store appends, group by group
                List<AuditEntry> group = linked.subList(from, from + 170);
                AuditJournal.Written written = journal.append(group.get(0).seq(), JournalRecords.encodeAll(group), false);
                unindexed.add(written, group.get(0).seq(), group.get(169).seq(), group.get(0).previousHash(),
                        group.get(169).hash());
            }
            List<JournalSpan> spans = unindexed.take();
            assertTrue(unindexed.isEmpty());
            assertEquals(1, spans.size(), "groups following one another in a segment make one span");
            audit.storeSpans(spans);
            audit.storeSpans(spans); // a retry after an unanswered commit: already held, skipped
            assertEquals(1, count(db, "audit_span"));
            assertEquals(0, count(db, "audit_block"), "the entries' bytes are in the journal only");
            assertEquals(linked, audit.read(0, 5_000, journal::read));
            assertEquals(linked.subList(1_234, 1_244), audit.read(1_234, 10, journal::read), "a page inside a span");
            assertEquals(List.of(linked.get(1_500)), audit.about("/api/v1/cases/g-1500", 10, journal::read));
            assertEquals(new AuditStore.Head(1_700, linked.get(1_699).hash()), audit.head());
            IllegalStateException without = assertThrows(IllegalStateException.class, () -> audit.read(0, 10));
            assertTrue(without.getMessage().contains("journal"), without.getMessage());
            List<AuditEntry> next = AuditChain.linkAll(1_800, linked.get(1_699).hash(), drafts("x-", 1));
            IllegalStateException gap = assertThrows(IllegalStateException.class, () -> audit.storeSpans(
                    List.of(new JournalSpan(1_801, 1_801, next.get(0).hash(), 0, 0, 10, linked.get(1_699).hash()))));
            assertTrue(gap.getMessage().contains("entry 1801 does not continue the stored trail, which ends at entry 1700"),
                    gap.getMessage());

            assertEquals(1_700, audit.foldSpans(journal::read));
            assertEquals(0, count(db, "audit_span"));
            assertEquals(2, count(db, "audit_block"), "1,000, then 700");
            assertEquals(linked, audit.read(0, 5_000), "the folded trail reads without its journal");
            assertEquals(new AuditStore.Head(1_700, linked.get(1_699).hash()), audit.head());
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @StoreTest
    void recordsLaidEndToEndAreCutIntoBlocksOfAThousand() throws Exception {
        List<AuditEntry> linked = AuditChain.linkAll(0, AuditChain.GENESIS, drafts("c-", 2_345));
        java.io.ByteArrayOutputStream laid = new java.io.ByteArrayOutputStream();
        for (int from = 0; from < linked.size(); from += 7) { // groups of seven, as appends left them in the journal
            laid.write(JournalRecords.encodeAll(linked.subList(from, Math.min(linked.size(), from + 7))));
        }
        byte[] records = laid.toByteArray();
        List<EncodedEntries> blocks = EncodedEntries.cut(records, records.length);
        assertEquals(List.of(1_000, 1_000, 345), blocks.stream().map(EncodedEntries::count).toList());
        assertEquals(linked.get(1_000), blocks.get(1).first());
        assertEquals(linked.get(1_999), blocks.get(1).last());
        assertTrue(java.util.Arrays.equals(JournalRecords.encodeAll(linked.subList(2_000, 2_345)),
                blocks.get(2).records()));
        assertThrows(IllegalArgumentException.class, () -> EncodedEntries.cut(records, records.length - 3),
                "bytes that end inside a record are refused, not stored");
        try (Database db = store.open()) {
            JdbcAuditStore audit = new JdbcAuditStore(db.dataSource());
            try (Connection c = db.dataSource().getConnection()) {
                AuditTables.insert(c, blocks);
            }
            assertEquals(linked, audit.read(0, 5_000));
            assertEquals(3, count(db, "audit_block"));
        }
    }

    @StoreTest
    void aBlockThatNoLongerDecodesIsNamedNotSkipped() throws Exception {
        try (Database db = store.open()) {
            JdbcAuditStore audit = new JdbcAuditStore(db.dataSource());
            audit.append(drafts("a-", 10));
            audit.append(drafts("b-", 10));
            try (Connection c = db.dataSource().getConnection();
                    PreparedStatement select = c.prepareStatement("SELECT entries FROM audit_block WHERE first_seq = 11");
                    PreparedStatement update = c.prepareStatement(
                            "UPDATE audit_block SET entries = ? WHERE first_seq = 11")) {
                byte[] block;
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next());
                    block = row.getBytes(1);
                }
                block[40] ^= 0x20; // one bit, inside the first record's payload
                update.setBytes(1, block);
                assertEquals(1, update.executeUpdate());
            }
            assertEquals(10, audit.read(0, 10).size(), "the block before is still read");
            AuditDamageException e = assertThrows(AuditDamageException.class, () -> audit.read(0, 100));
            assertEquals(11, e.seq());
            assertTrue(e.getMessage().contains("entry 11") && e.getMessage().contains("byte 0"), e.getMessage());
        }
    }

    private static long count(Database db, String table) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM " + table); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
