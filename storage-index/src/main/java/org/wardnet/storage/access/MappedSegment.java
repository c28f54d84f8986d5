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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal segment being appended to, mapped into memory a window at a time: an append is a
 * copy into the page cache, with no system call, and survives the process being killed as a
 * written file does; it reaches the disk on {@link #forceTo} or {@link #force}. The file is filled
 * with zeros to its full size before it is mapped, so the filesystem has found room for every page
 * in advance: a full disk fails that {@link #open}, never an append (a mapped page without room
 * would kill the thread writing it).
 *
 * <p>Why windows: writing a page back makes the kernel write-protect it in every mapping that has
 * it writable, and with the appenders' threads on every core that costs an inter-processor
 * interrupt per page (a TLB shootdown; in a virtual machine, exits on both sides). Profiled, that
 * was nearly all of the periodic force's CPU. So the appenders write through a window of
 * {@link #WINDOW} bytes; a window they have left is unmapped by the syncing thread (one shootdown
 * for all its pages) and its pages are then forced through a fresh mapping nobody has touched, so
 * their write-back finds no writable mapping to change. Only the window being written is forced
 * through the appenders' own mapping.
 *
 * <p>While open, the file is its full size with zeros after the records; {@link #close} cuts it to
 * the records. Limits: not thread-safe except that {@link #forceTo} may run beside {@link #put}
 * on one other thread; the caller must not {@link #close} while it runs (mappings are released at
 * once, and a later touch would crash the process).
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
    /** The bytes mapped for appending at a time (a multiple of {@link #PAGE}). */
    static final int WINDOW = 256 * 1024;

    /** A mapped stretch of the file, {@code start} its first byte's offset. */
    private record Window(MappedByteBuffer map, long start) {
        long end() {
            return start + map.capacity();
        }
    }

    private Path file;
    private final FileChannel channel;
    private final long capacity;
    /** The window appended through; replaced (never changed) by the appending thread. */
    private volatile Window window;
    /** Windows left behind, unmapped by the syncing thread before it forces their pages. */
    private final ConcurrentLinkedQueue<Window> left = new ConcurrentLinkedQueue<>();
    private int end;
    /** Up to where a force has reached the disk (written by the syncing thread, read under the journal's lock). */
    private volatile int forced;
    private boolean released;

    private MappedSegment(Path file, FileChannel channel, long capacity, Window window, int end) {
        this.file = file;
        this.channel = channel;
        this.capacity = capacity;
        this.window = window;
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
            return new MappedSegment(file, channel, capacity, map(channel, capacity, recordsEnd / WINDOW * WINDOW),
                    (int) recordsEnd);
        } catch (IOException e) {
            channel.truncate(recordsEnd); // give back what a full disk let us take
            channel.close();
            throw e;
        }
    }

    private static Window map(FileChannel channel, long capacity, long start) throws IOException {
        long size = Math.max(0, Math.min(WINDOW, capacity - start));
        return new Window(channel.map(FileChannel.MapMode.READ_WRITE, start, size), start);
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

    /** Releases the mappings and deletes the file: a segment prepared ahead and never used. */
    void discard() throws IOException {
        releaseMappings();
        channel.close();
        java.nio.file.Files.deleteIfExists(file);
    }

    /** Where the records end: the next append's offset. */
    int end() {
        return end;
    }

    int room() {
        return (int) (capacity - end);
    }

    /**
     * Copies records in after the last ones, moving to the next windows where the current one ends;
     * the caller has checked {@link #room}. The windows needed are mapped before anything is
     * copied, so a failure leaves no part of a record behind.
     *
     * @throws IOException when a window cannot be mapped (nothing was written)
     */
    void put(byte[] records) throws IOException {
        Window current = window;
        List<Window> ahead = new ArrayList<>(0);
        try {
            for (Window last = current; last.end() < end + records.length; ) {
                if (last.end() >= capacity) {
                    throw new IllegalStateException("no room for " + records.length + " bytes in " + file);
                }
                last = map(channel, capacity, last.end());
                ahead.add(last);
            }
        } catch (IOException | RuntimeException e) {
            for (Window made : ahead) {
                unmap(made.map());
            }
            throw e;
        }
        int copied = 0;
        int next = 0;
        while (copied < records.length) {
            if (end >= current.end()) {
                left.add(current);
                current = ahead.get(next++);
                window = current;
            }
            int length = (int) Math.min(records.length - copied, current.end() - end);
            current.map().put((int) (end - current.start()), records, copied, length);
            copied += length;
            end += length;
        }
    }

    /** Forces the records from {@code from} up to the current end to the disk (an fdatasync of the file). */
    void force(int from) throws IOException {
        if (end > from) {
            channel.force(false);
        }
    }

    /** Up to where a force has reached the disk. */
    int forcedTo() {
        return forced;
    }

    /**
     * Forces what was written between the last {@link #forceTo} and {@code to}; one thread at a
     * time. Windows the appenders have left are unmapped first and their part forced through a
     * fresh mapping; only the part in the window being written goes through the appenders' own.
     */
    void forceTo(int to) throws IOException {
        int from = forced;
        if (to <= from) {
            return;
        }
        Window current = window; // read first: the windows left before it hold everything before it
        for (Window done; (done = left.peek()) != null && done.end() <= current.start(); ) {
            left.poll(); // a window left after the read above (the one read, say) waits for the next force
            unmap(done.map());
        }
        try {
            long behind = Math.min(to, current.start());
            if (behind > from) {
                MappedByteBuffer fresh = channel.map(FileChannel.MapMode.READ_WRITE, from, behind - from);
                try {
                    fresh.force();
                } finally {
                    unmap(fresh);
                }
            }
            long inWindow = Math.max(from, current.start());
            if (to > inWindow) {
                current.map().force((int) (inWindow - current.start()), (int) (to - inWindow));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        forced = to;
    }

    /** Forces the records, releases the mappings and cuts the file to them. */
    @Override
    public void close() throws IOException {
        if (released) {
            return;
        }
        try {
            releaseMappings();
            channel.force(true);
        } finally {
            try {
                channel.truncate(end);
                channel.force(true);
            } finally {
                channel.close();
            }
        }
    }

    private void releaseMappings() {
        if (!released) {
            released = true;
            for (Window done; (done = left.poll()) != null; ) {
                unmap(done.map());
            }
            unmap(window.map());
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
