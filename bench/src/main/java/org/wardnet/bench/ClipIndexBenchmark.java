package org.wardnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.clips.Clip;
import org.wardnet.storage.Database;
import org.wardnet.storage.clips.JdbcClipIndex;

/**
 * The clip index at district scale: the reference district's 12,414 cameras, one-hour clips for
 * DAYS days (30 days is about 8.9 million rows), ingested hour by hour across all cameras in
 * batches of BATCH rows (default 1,000), one transaction each, as recorders would deliver them.
 * Camera ids and paths are made before the clock starts, so the figure is the index's alone. Then per-camera 30-minute window queries at
 * random times (cold: the first 200 after reopening the store; warm: the next 5,000), and coverage
 * of 1,500 cameras (a substation's worth) over a 30-minute window.
 *
 * <p>Usage: {@code ClipIndexBenchmark DAYS}
 */
public final class ClipIndexBenchmark {

    private static final int CAMERAS = 12_414;
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        int days = Integer.parseInt(args[0]);
        int batchSize = Integer.getInteger("batch", 1_000);
        String[] cameraIds = new String[CAMERAS];
        for (int c = 0; c < CAMERAS; c++) {
            cameraIds[c] = cameraId(c);
        }
        Path dir = Files.createTempDirectory("wardnet-clip-bench-");
        WardnetConfig config = WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString());
        long rows = (long) CAMERAS * days * 24;
        try (Database db = Database.open(config)) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            DistrictClips.ingest(index, cameraIds, T0, days, batchSize);
        }
        long bytes;
        try (var files = Files.list(dir)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("RESULT store: %,d bytes = %.0f bytes per row%n", bytes, bytes / (double) rows);
        try (Database db = Database.open(config)) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            Random random = new Random(2014);
            long[] cold = queries(index, random, 200, days);
            long[] warm = queries(index, random, 5_000, days);
            System.out.printf("RESULT camera window (30 min) cold: p50 %.3f ms, p99 %.3f ms%n", p(cold, 50), p(cold, 99));
            System.out.printf("RESULT camera window (30 min) warm: p50 %.3f ms, p99 %.3f ms%n", p(warm, 50), p(warm, 99));
            List<String> substation = new ArrayList<>();
            for (int c = 0; c < 1_500; c++) {
                substation.add(cameraId(c * 8));
            }
            long[] coverage = new long[210];
            int found = 0;
            for (int i = 0; i < coverage.length; i++) {
                Instant from = T0.plusSeconds(random.nextInt(days * 24 * 3600 - 1800));
                long t = System.nanoTime();
                found = index.withFootage(substation, from, from.plusSeconds(1800)).size();
                coverage[i] = System.nanoTime() - t;
            }
            long[] warmCoverage = Arrays.copyOfRange(coverage, 10, coverage.length);
            System.out.printf("RESULT coverage (1,500 cameras, 30 min): first %.1f ms, warm p50 %.1f ms, p99 %.1f ms"
                    + " (%d with footage)%n", coverage[0] / 1e6, p(warmCoverage, 50), p(warmCoverage, 99), found);
        } finally {
            DistrictClips.delete(dir);
        }
    }

    private static long[] queries(JdbcClipIndex index, Random random, int count, int days) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            String camera = cameraId(random.nextInt(CAMERAS));
            Instant from = T0.plusSeconds(random.nextInt(days * 24 * 3600 - 1800));
            long t = System.nanoTime();
            List<Clip> clips = index.overlapping(camera, from, from.plusSeconds(1800), null, 100);
            nanos[i] = System.nanoTime() - t;
            if (clips.isEmpty()) {
                throw new IllegalStateException("no clip for " + camera + " at " + from);
            }
        }
        return nanos;
    }

    private static double p(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static String cameraId(int index) {
        return String.format("330203%02d%02d%03d%d%06d", 0, 0, 132, 0, index + 1);
    }
}
