package org.wardnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.storage.Database;
import org.wardnet.storage.access.AuditJournal;
import org.wardnet.storage.access.JdbcAuditStore;
import org.wardnet.storage.access.JournaledAuditStore;

/**
 * What one audit entry costs in CPU, step by step, on one thread: linking it (the SHA-256 of its
 * fields), writing it to a journal file, and the whole store (journal, then its spans indexed
 * in an H2 database, counted until the database indexes every entry). Entries look like the access
 * benchmark's clip-list entries. Process CPU is counted (JIT, GC and H2's own threads included),
 * over {@code ENTRIES} entries after a warm-up of the same size.
 */
public final class AuditEntryCostBenchmark {

    private static final Instant AT = Instant.parse("2026-12-06T03:00:00Z");

    private AuditEntryCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        List<AuditEntry.Draft> drafts = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            drafts.add(new AuditEntry.Draft(AT.plusMillis(i), "admin", "*", "127.0.0.1", "clips.list",
                    "/api/v1/clips?camera=cam-" + (i % 1000) + "&from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z",
                    200));
        }
        Path dir = Files.createTempDirectory("wardnet-audit-cost-");
        try {
            for (int round = 0; round < 2; round++) { // the first warms up
                String label = round == 0 ? "warm-up" : "RESULT";
                long link = cpu(() -> linkAll(drafts));
                List<AuditEntry> linked = linkAll(drafts);
                Path journalDir = dir.resolve("journal-" + round);
                long journal = cpu(() -> {
                    try (AuditJournal j = AuditJournal.open(journalDir)) {
                        for (AuditEntry e : linked) {
                            j.append(List.of(e), false);
                        }
                    }
                });
                WardnetConfig config = WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR,
                        dir.resolve("store-" + round).toString());
                long whole;
                Path trailDir = dir.resolve("trail-" + round);
                try (Database db = Database.open(config)) {
                    JdbcAuditStore database = new JdbcAuditStore(db.dataSource());
                    whole = cpu(() -> {
                        try (JournaledAuditStore store = JournaledAuditStore.open(database, trailDir,
                                JournaledAuditStore.Sync.PERIODIC)) {
                            for (AuditEntry.Draft d : drafts) {
                                store.append(List.of(d));
                            }
                            store.read(entries - 1, 1); // waits until the database holds them all
                        }
                    });
                }
                System.out.printf("%s audit entry CPU, one thread, %,d entries: link %.2f µs, journal write %.2f µs,"
                        + " whole store (journal + spans indexed in H2) %.2f µs per entry%n", label, entries,
                        link / 1e3 / entries, journal / 1e3 / entries, whole / 1e3 / entries);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<AuditEntry> linkAll(List<AuditEntry.Draft> drafts) {
        return AuditChain.linkAll(0, AuditChain.GENESIS, drafts);
    }

    interface Work {
        void run() throws Exception;
    }

    /** Process CPU nanoseconds that {@code work} took. */
    private static long cpu(Work work) throws Exception {
        CpuUse.Mark before = CpuUse.now();
        work.run();
        return CpuUse.now().processNanos() - before.processNanos();
    }
}
