package org.wardnet.storage.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal segment being appended to, mapped into memory: an append is a copy into the page
 * cache, with no system call, and survives the process being killed as a written file does; it
 * reaches the disk on {@link #force}. The file is filled with zeros to its full size before it is
 * mapped, so the filesystem has found room for every page in advance: a full disk fails that
 * {@link #open}, never an append (a mapped page without room would kill the thread writing it).
 *
 * <p>While open, the file is its full size with zeros after the records; {@link #close} cuts it to
 * the records. Limits: not thread-safe except that {@link #force} and {@link #forceTo} may run
 * beside {@link #put};
 * the caller must not {@link #close} while either runs (the mapping is released at once, and a
 * later touch would crash the process).
 */
final class MappedSegment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MappedSegment.class);
    /**
     * The zeros are written a page at a time. The page cache keeps the file in folios as large as
     * the writes that made them, and a folio being written back is locked as a whole: with 1 MiB
     * folios, an append into the folio that a periodic force was writing waited for the disk
     * (1–10 ms on the reference machine, several times a second under load). With page-sized
     * folios only the page written back is locked, and {@link #forceTo} keeps to whole pages
     * behind the appends.
     */
    static final int PAGE = 4096;

    private Path file;
    private final FileChannel channel;
    private MappedByteBuffer map;
    private int end;
    /** Up to where a force has reached the disk (written by the syncing thread, read under the journal's lock). */
    private volatile int forced;

    private MappedSegment(Path file, FileChannel channel, MappedByteBuffer map, int end) {
        this.file = file;
        this.channel = channel;
        this.map = map;
        this.end = end;
        this.forced = end; // forced when opened
    }

    /**
     * Opens {@code file} (creating it) for appending after its first {@code recordsEnd} bytes, which
     * stay; whatever follows them is replaced by zeros up to {@code capacity}.
     */
    static MappedSegment open(Path file, long recordsEnd, long capacity) throws IOException {
        if (capacity > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a journal segment holds at most 2 GiB");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            channel.truncate(recordsEnd);
            fillWithZeros(channel, recordsEnd, capacity);
            channel.force(true);
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, capacity);
            return new MappedSegment(file, channel, map, (int) recordsEnd);
        } catch (IOException e) {
            channel.truncate(recordsEnd); // give back what a full disk let us take
            channel.close();
            throw e;
        }
    }

    private static void fillWithZeros(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(PAGE);
        for (long at = from; at < to; ) {
            long pageEnd = (at / PAGE + 1) * PAGE; // page-sized writes on page boundaries: page-sized folios
            zeros.clear().limit((int) (Math.min(pageEnd, to) - at));
            at += channel.write(zeros, at);
        }
    }

    Path file() {
        return file;
    }

    /** Gives the file another name (in the same directory); the mapping stays. */
    void rename(Path to) throws IOException {
        java.nio.file.Files.move(file, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        file = to;
    }

    /** Releases the mapping and deletes the file: a segment prepared ahead and never used. */
    void discard() throws IOException {
        if (map != null) {
            unmap(map);
            map = null;
        }
        channel.close();
        java.nio.file.Files.deleteIfExists(file);
    }

    /** Where the records end: the next append's offset. */
    int end() {
        return end;
    }

    int room() {
        return map.capacity() - end;
    }

    /** Copies records in after the last ones; the caller has checked {@link #room}. */
    void put(byte[] records) {
        map.put(end, records);
        end += records.length;
    }

    /** Forces the records from {@code from} up to the current end to the disk. */
    void force(int from) {
        int to = end;
        if (to > from) {
            map.force(from, to - from);
        }
    }

    /** Up to where a force has reached the disk. */
    int forcedTo() {
        return forced;
    }

    /** Forces what was written between the last {@link #forceTo} and {@code to}; one thread at a time. */
    void forceTo(int to) throws IOException {
        int from = forced;
        if (to > from) {
            try {
                map.force(from, to - from);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            forced = to;
        }
    }

    /** Forces everything written. */
    void force() throws IOException {
        try {
            map.force();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Forces the records, releases the mapping and cuts the file to them. */
    @Override
    public void close() throws IOException {
        if (map == null) {
            return;
        }
        try {
            force();
        } finally {
            unmap(map);
            map = null;
            try {
                channel.truncate(end);
                channel.force(true);
            } finally {
                channel.close();
            }
        }
    }

    /**
     * Releases a mapping now rather than when the collector gets to it, so a cut or deleted segment
     * gives its space back. Uses the JDK's unsupported cleaner; without it the mapping stays until
     * collected, which wastes address space but is otherwise harmless.
     */
    private static void unmap(MappedByteBuffer map) {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            Method invokeCleaner = unsafeClass.getMethod("invokeCleaner", ByteBuffer.class);
            invokeCleaner.invoke(theUnsafe.get(null), map);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("cannot release a journal mapping at once ({}); the collector will", e.toString());
        }
    }
}
