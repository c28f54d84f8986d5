package org.wardnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.wardnet.app.track.TrackService;
import org.wardnet.bench.track.FollowLatencyBenchmark;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.Registry;
import org.wardnet.simulator.district.District;
import org.wardnet.simulator.district.DistrictGenerator;
import org.wardnet.storage.Database;
import org.wardnet.storage.clips.ClipQueryPlans;
import org.wardnet.storage.clips.JdbcClipIndex;
import org.wardnet.storage.registry.JdbcRegistryStore;
import org.wardnet.storage.secrets.SecretKeys;
import org.wardnet.storage.track.JdbcTrackStore;

/**
 * The clip index on one store, for H2 and PostgreSQL side by side (bench/run stores runs it once
 * per store): the reference district (12,414 cameras, its street grid) registered, then
 * {@code STORE_ROWS} rows (default 10⁷) of one-minute segments, every camera's minute after minute,
 * added in transactions of {@code BATCH} rows (default 5,000, the upward sync's push) through the
 * index ({@code COPY} on PostgreSQL). Only the index's own calls are timed (rows are made between
 * them). Then on what was written: per-camera 30-minute windows at random (2,000 after 200 to warm
 * up), coverage of 1,500 cameras over 30 minutes (100 after 10), the server's own follow for a
 * random camera, time and mode, limit 10 (1,000 after 100), and the plans of the window and
 * coverage queries. Coverage is measured twice: on the rows as the load left them, then after
 * the upkeep the store would have done while they came in for hours ({@link #maintain}); the other
 * figures after it.
 *
 * <p>Usage: {@code StoreComparisonBenchmark LABEL [JDBC_URL USER]} (no URL: H2 in a scratch directory).
 */
public final class StoreComparisonBenchmark {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        String label = args[0];
        long rows = Long.parseLong(System.getenv().getOrDefault("STORE_ROWS", "10000000"));
        int batchRows = Integer.parseInt(System.getenv().getOrDefault("BATCH", "12414"));
        int writers = Integer.parseInt(System.getenv().getOrDefault("WRITERS", "2"));
        District district = DistrictGenerator.reference();
        String[] ids = district.cameras().stream().map(CameraDraft::id).toArray(String[]::new);
        Path dir = Files.createTempDirectory("wardnet-store-bench-");
        WardnetConfig config = WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString());
        if (args.length > 1) {
            config = config.with(WardnetKeys.STORE_JDBC_URL, args[1]).with(WardnetKeys.STORE_USERNAME, args[2]);
        }
        int minutes = (int) ((rows + ids.length - 1) / ids.length);
        try (Database db = Database.open(config)) {
            System.out.println("store: " + db.description());
            RegisteredDistrict.register(db, config, district);
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            ingest(label, index, ids, rows, batchRows, writers);
        }
        try (Database db = Database.open(config)) { // reopened: what a restarted server finds
            Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(), SecretKeys.load(config)),
                    Clock.systemUTC());
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            Random random = new Random(2017);
            coverage(label + " (fresh rows, before any vacuum)", index, ids, minutes, random);
            maintain(db, label);
            windows(label, index, ids, minutes, random);
            coverage(label, index, ids, minutes, random);
            try (TrackService track = TrackService.start(config, registry, new JdbcTrackStore(db.dataSource()), index)) {
                follow(label, track, ids, minutes, random);
            }
            ClipQueryPlans plans = new ClipQueryPlans(db.dataSource(), index);
            Instant from = T0.plusSeconds(random.nextInt(Math.max(1, minutes - 30)) * 60L + 17);
            System.out.println("PLAN " + label + " camera window (and follow's seek per candidate), " + ids[42] + " from "
                    + from + ":");
            plans.window(ids[42], from, from.plusSeconds(1800)).forEach(line -> System.out.println("  " + line));
            System.out.println("PLAN " + label + " coverage of 1,500 cameras from " + from + ":");
            plans.coverage(substation(ids), from, from.plusSeconds(1800))
                    .forEach(line -> System.out.println("  " + line));
        } finally {
            DistrictClips.delete(dir);
        }
    }

    /**
     * What the store's own upkeep does to a table that took rows for hours, done at once: on
     * PostgreSQL {@code VACUUM (ANALYZE)} (autovacuum would have, as the rows came in: it marks
     * pages all-visible, so index-only scans skip the heap, and gathers statistics), on H2
     * {@code ANALYZE}.
     */
    private static void maintain(Database db, String label) throws Exception {
        long t = System.nanoTime();
        try (java.sql.Connection connection = db.dataSource().getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            statement.execute(postgres ? "VACUUM (ANALYZE) clip" : "ANALYZE");
            try (java.sql.ResultSet size = statement.executeQuery(postgres
                    ? "SELECT SUM(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'clip'::regclass"
                    : "SELECT SUM(DISK_SPACE_USED(TABLE_NAME)) FROM INFORMATION_SCHEMA.TABLES"
                            + " WHERE TABLE_NAME = 'CLIP'")) {
                size.next();
                System.out.printf("RESULT %s clip table with its indexes: %,d bytes%n", label, size.getLong(1));
            }
        }
        System.out.printf("  %s: %s in %.1f s%n", label, "vacuum and statistics", (System.nanoTime() - t) / 1e9);
    }

    /**
     * Adds {@code rows} one-minute segments in batches of {@code batchRows}, from {@code writers}
     * threads taking the batches in turn (as a server's recorders and its sync deliver at once);
     * each batch is made by its writer before its clock starts. The figure is rows over the wall
     * time from the first batch to the last one's commit, less the time spent making batches.
     */
    private static void ingest(String label, JdbcClipIndex index, String[] ids, long rows, int batchRows,
            int writers) throws Exception {
        java.util.concurrent.atomic.AtomicLong nextBatch = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong making = new java.util.concurrent.atomic.AtomicLong();
        long batches = (rows + batchRows - 1) / batchRows;
        long began = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            Thread thread = new Thread(() -> {
                try {
                    for (long b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                        long t = System.nanoTime();
                        List<Clip> batch = new ArrayList<>(batchRows);
                        for (long n = b * batchRows; n < Math.min(rows, (b + 1) * batchRows); n++) {
                            int minute = (int) (n / ids.length);
                            String camera = ids[(int) (n % ids.length)];
                            Instant start = T0.plusSeconds(minute * 60L);
                            batch.add(new Clip(0, camera, start, start.plusSeconds(60),
                                    "/recordings/" + camera + "/" + minute + ".mp4", 7_500_000L, "H264", 1920, 1080, 30,
                                    null, ClipOrigin.RECORDED));
                        }
                        making.addAndGet((System.nanoTime() - t) / writers);
                        index.add(batch);
                        long total = done.addAndGet(batch.size());
                        if (total / 2_000_000 != (total - batch.size()) / 2_000_000) {
                            System.out.printf("  %s: %,d rows, %.0f rows/s%n", label, total,
                                    total / ((System.nanoTime() - began - making.get()) / 1e9));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "writer-" + w);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a writer failed", failures.get(0));
        }
        double seconds = (System.nanoTime() - began - making.get()) / 1e9;
        System.out.printf("RESULT %s ingest: %,d one-minute segments of %,d cameras in %.1f s = %.0f rows/s"
                + " (transactions of %,d, %d writers)%n", label, done.get(), ids.length, seconds, done.get() / seconds,
                batchRows, writers);
    }

    private static void windows(String label, JdbcClipIndex index, String[] ids, int minutes, Random random) {
        long[] nanos = new long[2_200];
        for (int i = 0; i < nanos.length; i++) {
            String camera = ids[random.nextInt(ids.length)];
            Instant from = T0.plusSeconds(random.nextInt(Math.max(1, minutes - 31)) * 60L + random.nextInt(60));
            long t = System.nanoTime();
            int found = index.overlapping(camera, from, from.plusSeconds(1800), null, 100).size();
            nanos[i] = System.nanoTime() - t;
            if (found < Math.min(30, minutes - 1)) {
                throw new IllegalStateException(found + " clips of " + camera + " from " + from);
            }
        }
        long[] warm = Arrays.copyOfRange(nanos, 200, nanos.length);
        System.out.printf("RESULT %s camera window (30 min): p50 %.3f ms, p99 %.3f ms%n", label, millis(warm, 50),
                millis(warm, 99));
    }

    private static List<String> substation(String[] ids) {
        List<String> asked = new ArrayList<>();
        for (int c = 0; c < 1_500; c++) {
            asked.add(ids[c * 8]);
        }
        return asked;
    }

    private static void coverage(String label, JdbcClipIndex index, String[] ids, int minutes, Random random) {
        List<String> asked = substation(ids);
        long[] nanos = new long[110];
        for (int i = 0; i < nanos.length; i++) {
            Instant from = T0.plusSeconds(random.nextInt(Math.max(1, minutes - 31)) * 60L);
            long t = System.nanoTime();
            int found = index.withFootage(asked, from, from.plusSeconds(1800)).size();
            nanos[i] = System.nanoTime() - t;
            if (found != asked.size()) {
                throw new IllegalStateException(found + " of " + asked.size() + " cameras with footage at " + from);
            }
        }
        long[] warm = Arrays.copyOfRange(nanos, 10, nanos.length);
        System.out.printf("RESULT %s coverage of 1,500 cameras (30 min): p50 %.1f ms, p99 %.1f ms%n", label,
                millis(warm, 50), millis(warm, 99));
    }

    private static void follow(String label, TrackService track, String[] ids, int minutes, Random random) {
        long[] nanos = FollowLatencyBenchmark.timed(track, ids, random, 1_100, T0.plusSeconds(600),
                Math.max(1, minutes * 60L - 3_600));
        long[] warm = Arrays.copyOfRange(nanos, 100, nanos.length);
        System.out.printf("RESULT %s follow (limit 10): p50 %.2f ms, p99 %.2f ms%n", label, millis(warm, 50),
                millis(warm, 99));
    }

    private static double millis(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
