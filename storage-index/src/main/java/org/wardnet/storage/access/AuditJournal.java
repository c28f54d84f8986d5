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
 * The audit trail's journal: linked entries appended to segment files and forced to disk before
 * their requests are answered, so the database behind it can index them afterwards, in large
 * batches and off the requests' path. Segments are named by their first entry's number, roll at
 * {@link #SEGMENT_BYTES} and are deleted once the database holds every entry in them.
 *
 * <p>A record cut short by a crash (its length or checksum does not hold) can only be the last
 * one written, and its request was never answered: {@link #open} cuts it off, keeping the cut
 * bytes in a file beside the segment ({@code NAME.cut-at-OFFSET}) in case they were damage
 * rather than a torn write. Damage in an earlier segment is refused with the file and offset named.
 *
 * <p>Limits: one process, one appending thread (appends are not synchronised with each other);
 * {@link #sync} and {@link #forget} may run on others.
 */
public final class AuditJournal implements AutoCloseable {

    /** A segment's size after which the next append starts a new one. */
    static final long SEGMENT_BYTES = 64L << 20;
    private static final String SUFFIX = ".audit";
    private static final Logger LOG = LoggerFactory.getLogger(AuditJournal.class);

    private final Path directory;
    private final long segmentBytes;
    private final NavigableMap<Long, Path> segments = new TreeMap<>(); // first seq -> file
    private FileChannel current;
    private long currentBytes;
    private volatile boolean unsynced;

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
            long size = Files.size(last);
            journal.current = FileChannel.open(last, StandardOpenOption.WRITE);
            if (whole < size) {
                Path aside = keepAside(last, whole);
                LOG.warn("the audit journal's last {} bytes in {} are not a whole record (a write cut short by a"
                        + " crash, never acknowledged); moved to {}", size - whole, last.getFileName(), aside.getFileName());
                journal.current.truncate(whole);
                journal.current.force(true);
            }
            journal.current.position(whole);
            journal.currentBytes = whole;
        }
        return journal;
    }

    /**
     * Copies a segment's unreadable tail into a file of its own before it is cut off: a cut-short
     * write is all it should ever be, but if it is damage instead, the bytes stay for a person to see.
     */
    private static Path keepAside(Path segment, long from) throws IOException {
        Path aside = segment.resolveSibling(segment.getFileName() + ".cut-at-" + from);
        try (FileChannel in = FileChannel.open(segment, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            long size = in.size();
            for (long at = from; at < size; ) {
                at += in.transferTo(at, size - at, out);
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

    /** As {@link #append(List, boolean)}, for entries already encoded, the first of them {@code firstSeq}. */
    void append(long firstSeq, byte[] records, boolean force) throws IOException {
        if (current == null || currentBytes >= segmentBytes) {
            roll(firstSeq);
        }
        ByteBuffer buffer = ByteBuffer.wrap(records);
        long start = currentBytes;
        try {
            while (buffer.hasRemaining()) {
                currentBytes += current.write(buffer);
            }
            if (force) {
                current.force(false);
            } else {
                unsynced = true;
            }
        } catch (IOException e) {
            unwrite(start);
            throw e;
        }
    }

    /**
     * Cuts a failed append's part back off (a full disk can take some of its bytes), so the next
     * append does not follow a torn record that would end the readable journal there.
     */
    private void unwrite(long start) throws IOException {
        try {
            current.truncate(start);
            current.position(start);
            currentBytes = start;
        } catch (IOException e) {
            current.close();
            current = null; // the next append starts a new segment; a later open cuts this one's tail
            throw new IOException("cannot cut a failed write back off the audit journal: " + e.getMessage(), e);
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
            scan(segment.getValue(), !segment.getKey().equals(segments.lastKey()), e -> {
                if (e.seq() > afterSeq) {
                    batch.add(e);
                }
            });
            if (!batch.isEmpty()) {
                batches.accept(batch);
            }
        }
    }

    /** Deletes the segments whose every entry is at or before {@code indexedSeq}; never the one appended to. */
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

    /** Forces what was appended without force to the disk. */
    public synchronized void sync() throws IOException {
        if (unsynced && current != null) {
            unsynced = false;
            current.force(false);
        }
    }

    /** How many segment files the journal has. */
    public synchronized int segmentCount() {
        return segments.size();
    }

    private synchronized void roll(long firstSeq) throws IOException {
        if (current != null) {
            sync();
            current.close();
        }
        Path file = directory.resolve(String.format("%020d%s", firstSeq, SUFFIX));
        current = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        currentBytes = 0;
        segments.put(firstSeq, file);
        // the new file's name must survive a crash too, or its records would be lost with it
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("this filesystem does not sync directories: {}", e.toString());
        }
    }

    /**
     * Reads a segment's records, handing each to {@code each} (when not null); returns the length
     * of its whole records.
     *
     * @param mustBeWhole true for a segment that is not the last: a torn record there is damage
     */
    private long scan(Path file, boolean mustBeWhole, Consumer<AuditEntry> each) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = JournalRecords.readAll(in, each);
            if (mustBeWhole && end < in.size()) {
                throw new IOException("the audit journal segment " + file + " is damaged at byte " + end
                        + " (of " + in.size() + "); it is not the last segment, so this is not a cut-short write");
            }
            return end;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (current != null) {
            sync();
            current.close();
            current = null;
        }
    }
}
