package org.wardnet.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.wardnet.app.audit.AuditLog;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.storage.Database;
import org.wardnet.storage.access.JdbcAuditStore;
import org.wardnet.storage.access.JournaledAuditStore;

/**
 * What recording one audit entry costs its caller's thread, as the server records them: through
 * {@link AuditLog} into the journaled store (periodic sync, spans indexed in H2), each caller
 * waiting for its entry before the next, with one caller and with as many as the server's read
 * pool has ({@code store.maxPoolSize}, default four). The gap between the two is what callers
 * meeting at the trail cost: the queue, the lock and the cache lines the cores hand back and forth.
 * Only the callers' thread CPU is counted (the indexer's and the syncing thread's are in
 * {@link AuditEntryCostBenchmark}).
 *
 * <p>Usage: {@code AuditCallersBenchmark [ENTRIES]} (default 1,200,000 in all per round, shared by
 * the callers); three rounds per count of callers, the first a warm-up, the mean of the other two
 * printed with both. Limits: on two cores four callers take turns; the figure is per entry, not
 * per second.
 */
public final class AuditCallersBenchmark {

    private static final Instant AT = Instant.parse("2026-12-06T03:00:00Z");

    private AuditCallersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_200_000;
        Path dir = Files.createTempDirectory("wardnet-audit-callers-");
        try {
            for (int callers : new int[] {1, 4}) {
                double[] perEntry = new double[2];
                WardnetConfig config = WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR,
                        dir.resolve("store-" + callers).toString());
                try (Database db = Database.open(config);
                        JournaledAuditStore store = JournaledAuditStore.open(new JdbcAuditStore(db.dataSource()),
                                dir.resolve("trail-" + callers), JournaledAuditStore.Sync.PERIODIC);
                        AuditLog log = new AuditLog(store)) {
                    for (int round = 0; round < 3; round++) {
                        double micros = round(log, callers, entries / callers);
                        if (round > 0) {
                            perEntry[round - 1] = micros;
                        }
                    }
                }
                System.out.printf("RESULT audit entry, callers' CPU through AuditLog, %d caller thread(s), %,d entries"
                        + " a round: %.2f µs per entry (rounds %.2f and %.2f)%n", callers, entries,
                        (perEntry[0] + perEntry[1]) / 2, perEntry[0], perEntry[1]);
            }
        } finally {
            DistrictClips.delete(dir);
        }
    }

    /** One round: {@code callers} threads record {@code each} entries apiece; their CPU per entry in µs. */
    private static double round(AuditLog log, int callers, int each) throws InterruptedException {
        com.sun.management.ThreadMXBean cpu = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] spent = new long[callers];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long before = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < each; i++) {
                    log.record(new AuditEntry.Draft(AT.plusMillis(i), "admin", "*", "127.0.0.1", "clips.list",
                            "/api/v1/clips?camera=cam-" + (i % 1000) + "&from=2026-11-29T14:00:00Z"
                                    + "&to=2026-11-29T15:00:00Z", 200)).join();
                }
                spent[caller] = cpu.getCurrentThreadCpuTime() - before;
            }, "audit-caller-" + c);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long total = 0;
        for (long nanos : spent) {
            total += nanos;
        }
        return total / 1e3 / ((double) callers * each);
    }
}
