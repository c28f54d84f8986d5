package org.wardnet.storage.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.core.audit.AuditEntry;

/** The journal's record layouts: layout 2 written and read back, layout 1 (older journals) still read. */
class JournalRecordsLayoutTest {

    private static final Instant AT = Instant.parse("2026-12-06T23:00:00Z");

    private static List<AuditEntry> chain(List<AuditEntry.Draft> drafts) {
        return AuditChain.linkAll(0, AuditChain.GENESIS, drafts);
    }

    private static List<AuditEntry> variedEntries() {
        List<AuditEntry.Draft> drafts = new ArrayList<>();
        drafts.add(new AuditEntry.Draft(AT, "admin", "*", "127.0.0.1", "clips.list",
                "/api/v1/clips?camera=cam-1&from=2026-12-06T21:00:00Z&to=2026-12-06T22:00:00Z", 200));
        drafts.add(new AuditEntry.Draft(AT.plusMillis(1), null, null, null, "auth.login", null, 401));
        drafts.add(new AuditEntry.Draft(AT.plusMillis(2), "", "", "::1", "clips.media", "", 0));
        drafts.add(new AuditEntry.Draft(AT.minusSeconds(86_400L * 365 * 60), "ana", "site-a,site-b", "10.0.0.1",
                "clips.media", "/api/v1/clips/7/media?name=海曙-路口-😀&x=" + "y".repeat(2_040), 65_535));
        return chain(drafts);
    }

    @Test
    void entriesOfEveryKindAreWrittenInLayoutTwoAndReadBackEqualWithTheirChainIntact() {
        List<AuditEntry> entries = variedEntries();
        byte[] block = JournalRecords.encodeAll(entries);
        for (int at = 0; at < block.length; at += JournalRecords.recordLengthAt(block, at)) {
            assertEquals(2, block[at], "the top byte of each record's first word names layout 2");
        }
        List<AuditEntry> read = JournalRecords.decodeAll(block);
        assertEquals(entries, read);
        assertTrue(AuditChain.firstBreak(read.iterator()).isEmpty(), "the hashes are the chain's, unchanged");
    }

    @Test
    void aTypicalEntryTakesAboutTwoThirdsOfItsLayoutOneBytes() {
        AuditEntry typical = variedEntries().get(0);
        int compact = JournalRecords.encodeAll(List.of(typical)).length;
        int text = layoutOne(typical).length;
        assertTrue(compact * 4 < text * 3, compact + " bytes against " + text + " in layout 1");
    }

    @Test
    void recordsOfLayoutOneStillReadAloneAndMixedWithLayoutTwo() throws Exception {
        List<AuditEntry> entries = variedEntries();
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.write(layoutOne(entries.get(0)));
        mixed.write(JournalRecords.encodeAll(entries.subList(1, 3)));
        mixed.write(layoutOne(entries.get(3)));
        assertEquals(entries, JournalRecords.decodeAll(mixed.toByteArray()));
        assertEquals(List.of(entries.get(0)), JournalRecords.decodeAll(layoutOne(entries.get(0))));
    }

    @Test
    void anEntryLayoutTwoCannotHoldStaysInLayoutOne() {
        AuditEntry linked = variedEntries().get(0);
        AuditEntry odd = new AuditEntry(linked.seq(), linked.at(), linked.actor(), linked.scope(), linked.address(),
                linked.action(), linked.target(), 70_000, linked.previousHash(), linked.hash().toUpperCase());
        byte[] block = JournalRecords.encodeAll(List.of(odd));
        assertEquals(0, block[0], "layout 1");
        assertEquals(List.of(odd), JournalRecords.decodeAll(block));
    }

    @Test
    void aRecordWhoseLayoutByteChangedIsDamage() {
        byte[] compact = JournalRecords.encodeAll(List.of(variedEntries().get(0)));
        compact[0] = 0; // now claims layout 1; its checksum covered layout 2
        assertThrows(IllegalArgumentException.class, () -> JournalRecords.decodeAll(compact));
        byte[] text = layoutOne(variedEntries().get(0));
        text[0] = 2; // now claims layout 2
        assertThrows(IllegalArgumentException.class, () -> JournalRecords.decodeAll(text));
        byte[] unknown = JournalRecords.encodeAll(List.of(variedEntries().get(0)));
        unknown[0] = 3;
        assertThrows(IllegalArgumentException.class, () -> JournalRecords.decodeAll(unknown));
    }

    /**
     * A record as layout 1 lays it out, built here from its description (as journals written before
     * layout 2 hold them): payload length and CRC32C of the payload; number, time, result, then seven
     * texts as 4-byte lengths (-1 for none) and UTF-8 bytes, the hashes as hex text.
     */
    private static byte[] layoutOne(AuditEntry e) {
        String[] texts = {e.actor(), e.scope(), e.address(), e.action(), e.target(), e.previousHash(), e.hash()};
        ByteBuffer payload = ByteBuffer.allocate(64 * 1024);
        payload.putLong(e.seq()).putLong(e.at().toEpochMilli()).putInt(e.result());
        for (String text : texts) {
            if (text == null) {
                payload.putInt(-1);
            } else {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                payload.putInt(bytes.length).put(bytes);
            }
        }
        payload.flip();
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        ByteBuffer record = ByteBuffer.allocate(8 + payload.remaining());
        record.putInt(payload.remaining()).putInt((int) crc.getValue()).put(payload);
        return record.array();
    }
}
