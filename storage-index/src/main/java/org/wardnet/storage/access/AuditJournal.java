package org.wardnet.storage.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.audit.AuditEntry;

/**
 * The audit trail's journal: linked entries appended to segment files before their requests are
 * answered (and forced to disk then or by {@link #sync}); the database behind it indexes where
 * they lie afterwards (spans, {@link JournalSpan}), in large batches and off the requests' path,
 * and reads them back from here ({@link #read}). Segments are named by their first entry's number
 * and hold {@link #SEGMENT_BYTES}; they are the trail's only copy of its entries and are kept,
 * except those whose every entry the database holds in rows or blocks of its own ({@link #forget}).
 * The segment appended to is mapped into memory ({@link MappedSegment}): an append is a copy, not
 * a system call.
 *
 * <p>A record cut short by a crash (its length or checksum does not hold) can only be the last
 * one written, and its request was never answered: {@link #open} cuts it off, keeping the cut
 * bytes in a file beside the segment ({@code NAME.cut-at-OFFSET}) in case they were damage
 * rather than a torn write; zeros after the last record are the unused part of a segment, not
 * damage. Damage in an earlier segment is refused with the file and offset named.
 *
 * <p>Limits: one process. Appends, {@link #sync}, {@link #settle} and {@link #forget} may come
 * from any threads; an append without force never waits for the disk (a roll leaves closing the
 * old segment and syncing the directory to {@link #settle}), and a sync's wait does not hold
 * appends up.
 */
public final class AuditJournal implements AutoCloseable {

    /** A segment's size after which the next append starts a new one. */
    static final long SEGMENT_BYTES = 16L << 20;
    private static final String SUFFIX = ".audit";
    /** The next segment, made ahead of need (its zeros written) and named when it is started. */
    private static final String SPARE = "next-segment.spare";
    private static final Logger LOG = LoggerFactory.getLogger(AuditJournal.class);

    private final Path directory;
    private final long segmentBytes;
    private final NavigableMap<Long, Path> segments = new TreeMap<>(); // first seq -> file
    private MappedSegment current;
    /** The current segment's name: the number of the first entry appended to it. */
    private long currentKey;
    private boolean unsynced;
    private int forcing; // syncs under way on the current segment, which must not be closed meanwhile
    private boolean closed;
    private MappedSegment spare;
    private boolean preparingSpare;
    /** Segments rolled away from, closed (forced, cut, unmapped) by {@link #settle}, not by the append that rolled. */
    private final List<MappedSegment> retiring = new ArrayList<>();
    private boolean directoryUnsynced;

    private AuditJournal(Path directory, long segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
    }

    /** Opens (creating) the journal in {@code directory}, cutting off a torn last record. */
    public static AuditJournal open(Path directory) throws IOException {
        return open(directory, SEGMENT_BYTES);
    }

    /** As {@link #open(Path)}, with segments rolling at {@code segmentBytes} (small ones for tests). */
    static AuditJournal open(Path directory, long segmentBytes) throws IOException {
        Files.createDirectories(directory);
        Files.deleteIfExists(directory.resolve(SPARE)); // made ahead by an earlier run, never started
        AuditJournal journal = new AuditJournal(directory, segmentBytes);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    journal.segments.put(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), file);
                } catch (NumberFormatException e) {
                    throw new IOException("unexpected file in the audit journal: " + file);
                }
            }
        }
        if (!journal.segments.isEmpty()) {
            Path last = journal.segments.lastEntry().getValue();
            long whole = journal.scan(last, false, null);
            long damagedTo = endOfNonZero(last, whole);
            if (damagedTo > whole) {
                Path aside = keepAside(last, whole, damagedTo);
                LOG.warn("the audit journal's last {} bytes in {} are not a whole record (a write cut short by a"
                        + " crash, never acknowledged); moved to {}", damagedTo - whole, last.getFileName(),
                        aside.getFileName());
            }
            journal.current = MappedSegment.open(last, whole, Math.max(segmentBytes, whole));
            journal.currentKey = journal.segments.lastKey();
        }
        return journal;
    }

    /** Where the last byte that is not zero ends, from {@code from} on ({@code from} when there is none). */
    private static long endOfNonZero(Path file, long from) throws IOException {
        long end = from;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
            long at = from;
            int read;
            while ((read = in.read(chunk.clear(), at)) > 0) {
                for (int i = read - 1; i >= 0; i--) {
                    if (chunk.get(i) != 0) {
                        end = at + i + 1;
                        break;
                    }
                }
                at += read;
            }
        }
        return end;
    }

    /**
     * Copies a segment's unreadable tail into a file of its own before it is cut off: a cut-short
     * write is all it should ever be, but if it is damage instead, the bytes stay for a person to see.
     */
    private static Path keepAside(Path segment, long from, long to) throws IOException {
        Path aside = segment.resolveSibling(segment.getFileName() + ".cut-at-" + from);
        try (FileChannel in = FileChannel.open(segment, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            for (long at = from; at < to; ) {
                at += in.transferTo(at, to - at, out);
            }
            out.force(true);
        }
        return aside;
    }

    /**
     * Appends the entries. When this returns they are in the file, so they survive this process
     * being killed; with {@code force} they are also on the disk and survive a power cut, otherwise
     * that waits for the next {@link #sync}.
     */
    public void append(List<AuditEntry> entries, boolean force) throws IOException {
        if (!entries.isEmpty()) {
            append(entries.get(0).seq(), JournalRecords.encodeAll(entries), force);
        }
    }

    /** Where an append's records went: bytes {@code from} to {@code to} of the segment named {@code segment}. */
    record Written(long segment, long from, long to) {
    }

    /**
     * As {@link #append(List, boolean)}, for entries already encoded, the first of them
     * {@code firstSeq}; says where they went.
     */
    synchronized Written append(long firstSeq, byte[] records, boolean force) throws IOException {
        if (closed) {
            throw new IOException("the audit journal is closed");
        }
        if (current == null || current.room() < records.length) {
            roll(firstSeq, records.length, force);
        }
        int start = current.end();
        current.put(records);
        if (force) {
            current.force(start);
        } else {
            unsynced = true;
        }
        return new Written(currentKey, start, start + records.length);
    }

    /**
     * The bytes of a span of records: read from the segment's file, which holds them whether the
     * segment is still appended to (its mapped pages are the file's) or closed.
     *
     * @throws IOException when the segment is gone or shorter than the span
     */
    byte[] read(long segment, long from, long to) throws IOException {
        Path file;
        synchronized (this) {
            file = segments.get(segment);
        }
        if (file == null) {
            throw new IOException("the audit journal has no segment " + String.format("%020d%s", segment, SUFFIX)
                    + " in " + directory);
        }
        if (to - from > Integer.MAX_VALUE - 16) {
            throw new IOException("a span of " + (to - from) + " bytes cannot be read at once");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) (to - from));
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (bytes.hasRemaining()) {
                if (in.read(bytes, from + bytes.position()) < 0) {
                    throw new IOException("the audit journal segment " + file + " ends at byte " + (from
                            + bytes.position()) + ", inside the entries the database says it holds (to byte " + to
                            + ")");
                }
            }
        }
        return bytes.array();
    }

    /**
     * Where the whole records of a segment end as far as this journal can tell without reading it:
     * the appended segment's end, another segment's file size, -1 for a segment it does not have.
     */
    synchronized long readableEnd(long segment) throws IOException {
        if (current != null && segment == currentKey) {
            return current.end();
        }
        Path file = segments.get(segment);
        return file == null ? -1 : Files.size(file);
    }

    /**
     * The journaled entries after {@code afterSeq} as spans, a segment's whole records at most per
     * span (each with the hash its first entry links to), in order.
     */
    List<JournalSpan> spansAfter(long afterSeq) throws IOException {
        List<JournalSpan> spans = new ArrayList<>();
        Map.Entry<Long, Path> from = segments.floorEntry(afterSeq + 1);
        for (Map.Entry<Long, Path> segment : segments.tailMap(from == null ? 0L : from.getKey(), true).entrySet()) {
            SpanScan scan = new SpanScan(afterSeq);
            scan(segment.getValue(), !segment.getKey().equals(segments.lastKey()), scan);
            if (scan.first != null) {
                spans.add(new JournalSpan(scan.first.seq(), scan.last.seq(), scan.last.hash(), segment.getKey(),
                        scan.from, scan.to, scan.first.previousHash()));
            }
        }
        return spans;
    }

    /** Collects where a segment's entries after a number start and end. */
    private static final class SpanScan implements JournalRecords.Visitor {
        private final long afterSeq;
        private AuditEntry first;
        private AuditEntry last;
        private long from;
        private long to;

        SpanScan(long afterSeq) {
            this.afterSeq = afterSeq;
        }

        @Override
        public void record(AuditEntry entry, long offset, int length) {
            if (entry.seq() <= afterSeq) {
                return;
            }
            if (first == null) {
                first = entry;
                from = offset;
            }
            last = entry;
            to = offset + length;
        }
    }

    /**
     * Hands every journaled entry after {@code afterSeq} to {@code batches}, in order, a segment's
     * worth or less at a time.
     */
    public void replay(long afterSeq, Consumer<List<AuditEntry>> batches) throws IOException {
        Map.Entry<Long, Path> from = segments.floorEntry(afterSeq + 1);
        for (Map.Entry<Long, Path> segment : segments.tailMap(from == null ? 0L : from.getKey(), true).entrySet()) {
            List<AuditEntry> batch = new ArrayList<>();
            scan(segment.getValue(), !segment.getKey().equals(segments.lastKey()), (e, offset, length) -> {
                if (e.seq() > afterSeq) {
                    batch.add(e);
                }
            });
            if (!batch.isEmpty()) {
                batches.accept(batch);
            }
        }
    }

    /**
     * Deletes the segments whose every entry is at or before {@code indexedSeq}; never the one
     * appended to. Only for entries the database holds itself (rows, blocks): never past a span.
     */
    public synchronized void forget(long indexedSeq) {
        while (segments.size() > 1) {
            Map.Entry<Long, Path> oldest = segments.firstEntry();
            long nextFirst = segments.higherKey(oldest.getKey());
            if (nextFirst - 1 > indexedSeq) {
                return;
            }
            try {
                Files.deleteIfExists(oldest.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the indexed audit journal segment " + oldest.getValue(), e);
            }
            segments.remove(oldest.getKey());
        }
    }

    /**
     * Forces what was appended without force to the disk; appends go on meanwhile. While appends
     * fill new pages, only the whole pages are forced: a page being written back is locked, and an
     * append into it would wait for the disk. The last, partial page then goes with a later sync,
     * at the latest the first that finds no new whole page; so under load an entry reaches the disk
     * within two syncs, not one.
     */
    public void sync() throws IOException {
        MappedSegment segment;
        int to;
        synchronized (this) {
            if (!unsynced || current == null) {
                return;
            }
            segment = current;
            int end = segment.end();
            int wholePages = end - end % MappedSegment.PAGE;
            to = wholePages > segment.forcedTo() ? wholePages : end;
            unsynced = to < end;
            forcing++;
        }
        try {
            segment.forceTo(to);
        } finally {
            synchronized (this) {
                forcing--;
                notifyAll();
            }
        }
    }

    /** Where the open segment's records end, and up to where they are forced: for tests. */
    synchronized int[] openSegmentEndAndForced() {
        return current == null ? new int[] {0, 0} : new int[] {current.end(), current.forcedTo()};
    }

    /** How many segment files the journal has. */
    public synchronized int segmentCount() {
        return segments.size();
    }

    /**
     * Makes the next segment ahead of need, so the append that fills the current one does not wait
     * for a segment's worth of zeros to be written and forced. Meant for a background thread; does
     * nothing when one is ready.
     */
    public void prepareSpare() throws IOException {
        synchronized (this) {
            if (spare != null || preparingSpare || closed) {
                return;
            }
            preparingSpare = true;
        }
        MappedSegment made = null;
        try {
            made = MappedSegment.open(directory.resolve(SPARE), 0, segmentBytes);
        } finally {
            synchronized (this) {
                preparingSpare = false;
                if (made != null && closed) {
                    made.discard();
                } else {
                    spare = made;
                }
            }
        }
    }

    /**
     * Starts a new segment for records from {@code firstSeq} on, at least {@code atLeast} bytes long.
     * The old one is left to {@link #settle}, and so is syncing the directory unless the append is
     * {@code forced}: an append may run on a thread that must not wait for the disk (a request's).
     */
    private void roll(long firstSeq, int atLeast, boolean forced) throws IOException {
        if (current != null) {
            retiring.add(current);
            current = null;
        }
        Path file = directory.resolve(String.format("%020d%s", firstSeq, SUFFIX));
        try {
            if (spare != null && spare.room() >= atLeast) {
                spare.rename(file);
                current = spare;
                spare = null;
            } else {
                current = MappedSegment.open(file, 0, Math.max(segmentBytes, atLeast));
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw new IOException("cannot start the audit journal segment " + file + ": " + e.getMessage(), e);
        }
        segments.put(firstSeq, file);
        currentKey = firstSeq;
        if (forced) {
            forceDirectory();
        } else {
            directoryUnsynced = true;
        }
    }

    /**
     * Closes the segments rolled away from and syncs the directory after a roll, so the new file's
     * name survives a power cut as its records do. Meant for the thread that calls {@link #sync}.
     */
    public void settle() throws IOException {
        List<MappedSegment> closing;
        boolean directoryToSync;
        synchronized (this) { // only the hand-over under the lock: appends go on while the disk works
            closing = List.copyOf(retiring);
            retiring.clear();
            directoryToSync = directoryUnsynced;
            directoryUnsynced = false;
        }
        if (directoryToSync) {
            forceDirectory();
        }
        for (MappedSegment segment : closing) { // no append touches them any more
            segment.close();
        }
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("this filesystem does not sync directories: {}", e.toString());
        }
    }

    /** Closes the current segment once no sync is forcing it (the caller holds this object's lock). */
    private void closeCurrent() throws IOException {
        if (current == null) {
            return;
        }
        while (forcing > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted closing an audit journal segment", e);
            }
        }
        MappedSegment closing = current;
        current = null;
        unsynced = false;
        closing.close();
    }

    /**
     * Reads a segment's records, handing each to {@code each} (when not null); returns the length
     * of its whole records.
     *
     * @param mustBeWhole true for a segment that is not the last: a torn record there is damage
     */
    private long scan(Path file, boolean mustBeWhole, JournalRecords.Visitor each) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = JournalRecords.readAll(in, each);
            // zeros after the records: a segment a crash left before it was cut to them
            if (mustBeWhole && endOfNonZero(file, end) > end) {
                throw new IOException("the audit journal segment " + file + " is damaged at byte " + end
                        + " (of " + in.size() + "); it is not the last segment, so this is not a cut-short write");
            }
            return end;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            closed = true;
            if (spare != null) {
                spare.discard();
                spare = null;
            }
            closeCurrent();
        }
        settle();
    }
}
