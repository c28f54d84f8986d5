package org.wardnet.storage.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.core.audit.AuditEntry;

/** The journal's files: what is read back, a torn last record, damage elsewhere, and old segments. */
class AuditJournalTest {

    private static final Instant AT = Instant.parse("2026-12-05T23:00:00Z");

    @TempDir
    Path dir;

    private String previous = AuditChain.GENESIS;
    private long seq;

    /** The next {@code count} entries of one chain, with texts of every kind (none, empty, not ASCII). */
    private List<AuditEntry> next(int count) {
        List<AuditEntry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long n = ++seq;
            AuditEntry e = AuditChain.link(n, new AuditEntry.Draft(AT.plusMillis(n), n % 3 == 0 ? null : "ana",
                    n % 2 == 0 ? "*" : "", "127.0.0.1", "clips.list", "/api/v1/clips?camera=cam-" + n + "&name=Æ路口",
                    200), previous);
            previous = e.hash();
            out.add(e);
        }
        return out;
    }

    private static List<AuditEntry> replayed(AuditJournal journal, long after) throws IOException {
        List<AuditEntry> out = new ArrayList<>();
        journal.replay(after, out::addAll);
        return out;
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".audit")).sorted().toList();
        }
    }

    @Test
    void whatIsAppendedIsReadBackExactlyAfterReopening() throws Exception {
        List<AuditEntry> written = new ArrayList<>();
        try (AuditJournal journal = AuditJournal.open(dir)) {
            written.addAll(next(5));
            journal.append(written, true);
            List<AuditEntry> more = next(3);
            journal.append(more, true);
            written.addAll(more);
        }
        try (AuditJournal journal = AuditJournal.open(dir)) {
            assertEquals(written, replayed(journal, 0));
            assertEquals(written.subList(6, 8), replayed(journal, 6));
            assertTrue(AuditChain.firstBreak(replayed(journal, 0).iterator()).isEmpty());
        }
    }

    @Test
    void aRecordCutShortByAKillIsDroppedAndWhatFollowsIsReadable() throws Exception {
        List<AuditEntry> whole = next(4);
        try (AuditJournal journal = AuditJournal.open(dir)) {
            journal.append(whole, true);
            journal.append(next(1), true); // the one the kill cuts short: never acknowledged
        }
        Path file = segments().get(0);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(raw.length() - 7);
        }
        seq = 4;
        previous = whole.get(3).hash();
        List<AuditEntry> after = next(2);
        try (AuditJournal journal = AuditJournal.open(dir)) {
            assertEquals(whole, replayed(journal, 0));
            journal.append(after, true);
        }
        try (AuditJournal journal = AuditJournal.open(dir)) {
            List<AuditEntry> all = new ArrayList<>(whole);
            all.addAll(after);
            assertEquals(all, replayed(journal, 0), "appends after the cut follow the last whole record");
        }
    }

    /**
     * A periodic sync forces whole pages while appends fill new ones (a page being written back is
     * locked, and an append into it would wait for the disk); the partial last page goes with the
     * next sync that finds no new whole page, so nothing stays unforced.
     */
    @Test
    void aSyncForcesWholePagesWhilePagesFillAndTheLastPartialPageTheNextTime() throws Exception {
        try (AuditJournal journal = AuditJournal.open(dir)) {
            journal.append(next(60), false);
            while (journal.openSegmentEndAndForced()[0] % MappedSegment.PAGE == 0) {
                journal.append(next(1), false);
            }
            int end = journal.openSegmentEndAndForced()[0];
            assertTrue(end > 2 * MappedSegment.PAGE, "more than two pages written: " + end);
            assertEquals(0, journal.openSegmentEndAndForced()[1], "nothing forced before the sync");
            journal.sync();
            assertEquals(end - end % MappedSegment.PAGE, journal.openSegmentEndAndForced()[1], "whole pages first");
            journal.sync();
            assertEquals(end, journal.openSegmentEndAndForced()[1], "then the partial page");
            journal.append(next(1), false);
            journal.sync();
            assertEquals(journal.openSegmentEndAndForced()[0], journal.openSegmentEndAndForced()[1],
                    "an entry that starts no new page is forced at once");
        }
    }

    @Test
    void aKilledProcessLeavesZerosAfterItsLastRecordAndNothingIsCutOrLost() throws Exception {
        List<AuditEntry> written = next(6);
        Path copy = Files.createDirectory(dir.resolve("as-a-kill-left-it"));
        try (AuditJournal journal = AuditJournal.open(dir)) {
            journal.append(written.subList(0, 4), false);
            journal.append(written.subList(4, 6), false); // in the file's pages, not forced: a kill keeps them
            // what a process killed now leaves: the segment at its full size, zeros after the records
            Files.copy(segments().get(0), copy.resolve(segments().get(0).getFileName()));
        }
        assertEquals(AuditJournal.SEGMENT_BYTES, Files.size(copy.resolve(segments().get(0).getFileName())));
        try (AuditJournal journal = AuditJournal.open(copy)) {
            assertEquals(written, replayed(journal, 0));
            List<AuditEntry> more = next(1);
            journal.append(more, false);
        }
        try (Stream<Path> files = Files.list(copy)) {
            assertEquals(1, files.count(), "no .cut-at file: zeros are not damage");
        }
        try (AuditJournal journal = AuditJournal.open(copy)) {
            assertEquals(7, replayed(journal, 0).size(), "the append after reopening follows the last record");
        }
    }

    @Test
    void aSegmentMadeAheadIsStartedUnderTheNextEntrysNumberAndAnUnusedOneIsRemoved() throws Exception {
        List<AuditEntry> written = new ArrayList<>();
        try (AuditJournal journal = AuditJournal.open(dir, 1_000)) {
            written.addAll(next(3));
            journal.append(written, false); // leaves the first segment too little room for two more
            journal.prepareSpare();
            assertTrue(Files.exists(dir.resolve("next-segment.spare")));
            List<AuditEntry> more = next(2);
            journal.append(more, false); // starts the one made ahead
            written.addAll(more);
            assertEquals(List.of("00000000000000000001.audit", "00000000000000000004.audit"),
                    segments().stream().map(p -> p.getFileName().toString()).toList());
            assertTrue(Files.notExists(dir.resolve("next-segment.spare")));
            journal.prepareSpare(); // made, never used
        }
        assertTrue(Files.notExists(dir.resolve("next-segment.spare")), "closing removes an unused one");
        try (AuditJournal journal = AuditJournal.open(dir, 1_000)) {
            assertEquals(written, replayed(journal, 0));
        }
    }

    @Test
    void aSegmentRolledAwayFromIsClosedBySettleAndReadEvenIfACrashCameFirst() throws Exception {
        List<AuditEntry> written = new ArrayList<>();
        Path copy = Files.createDirectory(dir.resolve("as-a-kill-left-it"));
        try (AuditJournal journal = AuditJournal.open(dir, 1_000)) {
            written.addAll(next(3));
            journal.append(written, false);
            List<AuditEntry> more = next(2);
            journal.append(more, false); // rolls: the first segment waits for settle, still full-size
            written.addAll(more);
            for (Path segment : segments()) {
                Files.copy(segment, copy.resolve(segment.getFileName()));
            }
            journal.settle();
            assertTrue(Files.size(segments().get(0)) < 1_000, "settled: cut to its records");
        }
        assertEquals(1_000, Files.size(copy.resolve(segments().get(0).getFileName())));
        try (AuditJournal journal = AuditJournal.open(copy, 1_000)) {
            assertEquals(written, replayed(journal, 0), "zeros after an earlier segment's records are not damage");
        }
    }

    @Test
    void aChangedByteInsideTheJournalEndsItsReadablePartThere() throws Exception {
        try (AuditJournal journal = AuditJournal.open(dir)) {
            journal.append(next(3), true);
        }
        Path file = segments().get(0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01; // in the second record: its checksum no longer holds
        Files.write(file, bytes);
        try (AuditJournal journal = AuditJournal.open(dir)) {
            assertEquals(1, replayed(journal, 0).size());
        }
        Path aside = file.resolveSibling(file.getFileName() + ".cut-at-" + Files.size(file));
        assertEquals(bytes.length, Files.size(file) + Files.size(aside), "the cut bytes are kept beside it");
    }

    @Test
    void damageInASegmentThatIsNotTheLastIsRefused() throws Exception {
        try (AuditJournal journal = AuditJournal.open(dir, 200)) {
            for (int i = 0; i < 4; i++) {
                journal.append(next(2), true); // each batch is over 200 bytes: a segment each
            }
        }
        List<Path> files = segments();
        assertEquals(4, files.size());
        try (RandomAccessFile raw = new RandomAccessFile(files.get(1).toFile(), "rw")) {
            raw.setLength(raw.length() - 3);
        }
        try (AuditJournal journal = AuditJournal.open(dir, 200)) {
            IOException e = assertThrows(IOException.class, () -> replayed(journal, 0));
            assertTrue(e.getMessage().contains(files.get(1).getFileName().toString()), e.getMessage());
        }
    }

    @Test
    void segmentsAreForgottenOnlyOnceEveryEntryInThemIsIndexed() throws Exception {
        try (AuditJournal journal = AuditJournal.open(dir, 200)) {
            for (int i = 0; i < 4; i++) {
                journal.append(next(2), true); // segments start at entries 1, 3, 5 and 7
            }
            journal.forget(3); // entry 4 of the second segment is not indexed yet
            assertEquals(3, journal.segmentCount());
            assertEquals(8, replayed(journal, 0).size() + 2);
            journal.forget(8);
            assertEquals(1, journal.segmentCount(), "the segment appended to stays");
            assertEquals(List.of(7L, 8L), replayed(journal, 0).stream().map(AuditEntry::seq).toList());
        }
        assertEquals(1, segments().size());
    }

    @Test
    void appendsAreGatheredIntoASpanPerSegmentAndEachSpanReadsBackItsEntries() throws Exception {
        try (AuditJournal journal = AuditJournal.open(dir, 2_000)) {
            UnindexedSpans unindexed = new UnindexedSpans();
            List<AuditEntry> written = new ArrayList<>();
            for (int group = 0; group < 12; group++) { // groups of three; a segment holds a few groups
                List<AuditEntry> entries = next(3);
                AuditJournal.Written at = journal.append(entries.get(0).seq(), JournalRecords.encodeAll(entries), false);
                unindexed.add(at, entries.get(0).seq(), entries.get(2).seq(), entries.get(0).previousHash(),
                        entries.get(2).hash());
                written.addAll(entries);
            }
            List<JournalSpan> spans = unindexed.take();
            assertEquals(segments().size(), spans.size(), "one span per segment");
            assertTrue(spans.size() > 1);
            List<AuditEntry> read = new ArrayList<>();
            for (JournalSpan span : spans) {
                List<AuditEntry> in = JournalRecords.decodeAll(journal.read(span.segment(), span.from(), span.to()));
                assertEquals(span.firstSeq(), in.get(0).seq());
                assertEquals(span.lastSeq(), in.get(in.size() - 1).seq());
                assertEquals(span.lastHash(), in.get(in.size() - 1).hash());
                read.addAll(in);
            }
            assertEquals(written, read);
            assertEquals(spans, journal.spansAfter(0), "scanning the segments finds the same spans");
            List<JournalSpan> tail = journal.spansAfter(34);
            assertEquals(1, tail.size());
            assertEquals(List.of(35L, 36L), List.of(tail.get(0).firstSeq(), tail.get(0).lastSeq()),
                    "after a number: only the part of the span past it");
            assertEquals(written.get(33).hash(), tail.get(0).previousHash());
            assertThrows(IOException.class, () -> journal.read(spans.get(0).segment(), 0, 10_000),
                    "a span past the segment's end is refused, naming the segment");
        }
    }

    @Test
    void recordsAcrossWindowsAndGroupsLargerThanAWindowReadBackWholeAndSyncsReachTheEnd() throws Exception {
        List<AuditEntry> written = new ArrayList<>();
        Path copy = Files.createDirectory(dir.resolve("as-a-kill-left-it"));
        try (AuditJournal journal = AuditJournal.open(dir)) {
            int[] sizes = {1, 7, 1_100, 3, 1, 2_000, 50}; // 1,100 and 2,000 entries: more than a window each
            for (int round = 0; round < 3; round++) {
                for (int size : sizes) {
                    List<AuditEntry> group = next(size);
                    journal.append(group, false);
                    written.addAll(group);
                    journal.sync(); // windows left behind are forced through fresh mappings, the current one through its own
                }
            }
            int[] endAndForced = journal.openSegmentEndAndForced();
            assertTrue(endAndForced[0] > 4 * MappedSegment.WINDOW, "several windows written: " + endAndForced[0]);
            journal.sync();
            journal.sync();
            endAndForced = journal.openSegmentEndAndForced();
            assertEquals(endAndForced[0], endAndForced[1], "two syncs without appends reach the end");
            Files.copy(segments().get(0), copy.resolve(segments().get(0).getFileName())); // as a kill leaves it
        }
        try (AuditJournal journal = AuditJournal.open(dir)) {
            assertEquals(written, replayed(journal, 0), "closed: every record whole, in order");
        }
        try (AuditJournal journal = AuditJournal.open(copy)) {
            assertEquals(written, replayed(journal, 0), "killed: the same");
        }
    }
}
