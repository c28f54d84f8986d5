package org.wardnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.storage.access.AuditJournal;

/**
 * How long an append to the audit journal takes while the journal is forced to the disk every
 * 100 ms, as the server's sync thread does: four threads append clip-list-sized entries one at a
 * time (about 40,000 a second together, paced by short parks, so the cores are not saturated and a
 * wait shows as a wait), and the time of every append is put into power-of-two buckets. The figure
 * is how many appends took 0.5 ms or more (an answer held up that long), against the same run
 * without the forces. Usage: {@code JournalWaitBenchmark [SECONDS]} (default 15 per run).
 *
 * <p>Limits: the waits come from the kernel (a page being written back is locked); what is seen
 * depends on the kernel, the filesystem and the disk, and on what else the machine does meanwhile.
 */
public final class JournalWaitBenchmark {

    private JournalWaitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path dir = Files.createTempDirectory("wardnet-journal-wait-");
        try {
            run(dir.resolve("warm-up"), Math.min(5, seconds), true);
            long[] forced = run(dir.resolve("forced"), seconds, true);
            long[] unforced = run(dir.resolve("unforced"), seconds, false);
            System.out.printf("RESULT journal appends waiting >= 0.5 ms: %d of %d with a force every 100 ms (longest"
                    + " %.1f ms), %d of %d without forces (longest %.1f ms), %d s each, 4 appending threads%n",
                    forced[0], forced[1], forced[2] / 1000.0, unforced[0], unforced[1], unforced[2] / 1000.0, seconds);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Appends for {@code seconds}; returns appends of 0.5 ms or more, all appends, the longest (µs). */
    private static long[] run(Path dir, int seconds, boolean force) throws Exception {
        AtomicLongArray buckets = new AtomicLongArray(40); // bucket b: under 2^b microseconds
        AtomicLong longest = new AtomicLong();
        AtomicLong seq = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (AuditJournal journal = AuditJournal.open(dir)) {
            Thread sync = new Thread(() -> {
                while (System.nanoTime() < end) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    try {
                        if (force) {
                            journal.sync();
                        }
                        journal.settle();
                        journal.prepareSpare();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }, "journal-sync");
            sync.start();
            List<Thread> appenders = new ArrayList<>();
            Object order = new Object(); // entries join the chain in order, as the store's appends do
            String[] previous = {AuditChain.GENESIS};
            for (int t = 0; t < 4; t++) {
                Thread appender = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        synchronized (order) {
                            long n = seq.incrementAndGet();
                            AuditEntry e = AuditChain.link(n, new AuditEntry.Draft(Instant.ofEpochMilli(n), "admin", "*",
                                    "127.0.0.1", "clips.list", "/api/v1/clips?camera=cam-" + (n % 1000)
                                            + "&from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z", 200), previous[0]);
                            previous[0] = e.hash();
                            try {
                                journal.append(List.of(e), false);
                            } catch (java.io.IOException x) {
                                throw new java.io.UncheckedIOException(x);
                            }
                        }
                        long micros = (System.nanoTime() - started) / 1_000;
                        buckets.incrementAndGet(64 - Long.numberOfLeadingZeros(Math.max(1, micros)));
                        longest.accumulateAndGet(micros, Math::max);
                        LockSupport.parkNanos(100_000);
                    }
                }, "appender-" + t);
                appenders.add(appender);
                appender.start();
            }
            for (Thread appender : appenders) {
                appender.join();
            }
            sync.join();
        }
        long slow = 0;
        long all = 0;
        for (int b = 0; b < buckets.length(); b++) {
            all += buckets.get(b);
            if (b >= 10) { // 2^9 = 512 µs and up
                slow += buckets.get(b);
            }
        }
        return new long[] {slow, all, longest.get()};
    }
}
