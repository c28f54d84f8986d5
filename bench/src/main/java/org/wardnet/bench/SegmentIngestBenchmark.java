package org.wardnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.storage.Database;
import org.wardnet.storage.clips.JdbcClipIndex;

/**
 * What the store costs for one-minute segments, the recorder's default: {@code CAMERAS} cameras
 * (default 1,500, a substation) and {@code MINUTES} minutes (default 100) of one-minute clips,
 * added minute by minute across all cameras in transactions of {@code BATCH} rows (default 5,000,
 * the upward sync's push), on a fresh H2 store each time:
 * <ol>
 * <li>through the clip index ({@link JdbcClipIndex#add}), as the recorder and the sync write them;</li>
 * <li>the same rows, columns and transactions into a table of the clip table's columns with no index
 * but its primary key: the store's floor, what no index layout can beat.</li>
 * </ol>
 * Rows are made before the clock starts. Figures: rows per second of each, and their ratio; then
 * per-camera windows and coverage on the segments just indexed (their p50 and p99).
 */
public final class SegmentIngestBenchmark {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final String FLOOR_INSERT = "INSERT INTO clip_floor (id, start_hour, camera_id, start_ms, end_ms,"
            + " media, bytes, codec, width, height, key_frames, sha256, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?)";

    public static void main(String[] args) throws Exception {
        int cameras = Integer.parseInt(System.getenv().getOrDefault("CAMERAS", "1500"));
        int minutes = Integer.parseInt(System.getenv().getOrDefault("MINUTES", "100"));
        int batchRows = Integer.parseInt(System.getenv().getOrDefault("BATCH", "5000"));
        List<Clip> clips = segments(cameras, minutes);
        double indexed = throughIndex(clips, batchRows, cameras, minutes);
        double floor = floor(clips, batchRows);
        System.out.printf("RESULT one-minute segments (%,d cameras x %,d minutes, transactions of %,d): clip index"
                + " %,.0f rows/s; the same rows into a table with only its primary key %,.0f rows/s; index/floor"
                + " %.2f%n", cameras, minutes, batchRows, indexed, floor, indexed / floor);
    }

    private static List<Clip> segments(int cameras, int minutes) {
        List<Clip> clips = new ArrayList<>(cameras * minutes);
        for (int m = 0; m < minutes; m++) {
            Instant start = T0.plusSeconds(m * 60L);
            for (int c = 0; c < cameras; c++) {
                String camera = ClipIndexBenchmark.cameraId(c);
                clips.add(new Clip(0, camera, start, start.plusSeconds(60), "/recordings/" + camera + "/" + m + ".mp4",
                        7_500_000L, "H264", 1920, 1080, 30, null, ClipOrigin.RECORDED));
            }
        }
        return clips;
    }

    /**
     * Per-camera 30-minute windows at random (2,000, after 200 to warm up) and coverage of up to
     * 1,500 cameras over 30 minutes (100, after 10), on what was just ingested: what the slices
     * cost the readers.
     */
    private static void query(JdbcClipIndex index, int cameras, int minutes) {
        Random random = new Random(2026);
        long[] windows = new long[2_200];
        for (int i = 0; i < windows.length; i++) {
            String camera = ClipIndexBenchmark.cameraId(random.nextInt(cameras));
            Instant from = T0.plusSeconds(random.nextInt(Math.max(1, minutes - 30) * 60));
            long t = System.nanoTime();
            int found = index.overlapping(camera, from, from.plusSeconds(1800), null, 100).size();
            windows[i] = System.nanoTime() - t;
            if (found < Math.min(30, minutes)) {
                throw new IllegalStateException(found + " clips of " + camera + " from " + from);
            }
        }
        List<String> asked = new ArrayList<>();
        for (int c = 0; c < Math.min(cameras, 1_500); c++) {
            asked.add(ClipIndexBenchmark.cameraId(c * Math.max(1, cameras / 1_500)));
        }
        long[] coverage = new long[110];
        for (int i = 0; i < coverage.length; i++) {
            Instant from = T0.plusSeconds(random.nextInt(Math.max(1, minutes - 30) * 60));
            long t = System.nanoTime();
            int found = index.withFootage(asked, from, from.plusSeconds(1800)).size();
            coverage[i] = System.nanoTime() - t;
            if (found != asked.size()) {
                throw new IllegalStateException(found + " of " + asked.size() + " cameras with footage at " + from);
            }
        }
        long[] warmWindows = Arrays.copyOfRange(windows, 200, windows.length);
        long[] warmCoverage = Arrays.copyOfRange(coverage, 10, coverage.length);
        System.out.printf("RESULT on those segments: camera window (30 min) p50 %.3f ms, p99 %.3f ms; coverage of %,d"
                + " cameras (30 min) p50 %.1f ms, p99 %.1f ms%n", millis(warmWindows, 50), millis(warmWindows, 99),
                asked.size(), millis(warmCoverage, 50), millis(warmCoverage, 99));
    }

    private static double millis(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static double throughIndex(List<Clip> clips, int batchRows, int cameras, int minutes) throws Exception {
        Path dir = Files.createTempDirectory("wardnet-segment-bench-");
        try (Database db = Database.open(WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString()))) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            long started = System.nanoTime();
            for (int i = 0; i < clips.size(); i += batchRows) {
                index.add(clips.subList(i, Math.min(clips.size(), i + batchRows)));
            }
            double perSecond = perSecond(clips.size(), started);
            query(index, cameras, minutes);
            return perSecond;
        } finally {
            DistrictClips.delete(dir);
        }
    }

    private static double floor(List<Clip> clips, int batchRows) throws Exception {
        Path dir = Files.createTempDirectory("wardnet-segment-bench-");
        try (Database db = Database.open(WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString()));
                Connection connection = db.dataSource().getConnection()) {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE clip_floor (id BIGINT PRIMARY KEY, start_hour INTEGER NOT NULL,"
                        + " camera_id VARCHAR(64) NOT NULL, start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL,"
                        + " media VARCHAR(2048) NOT NULL, bytes BIGINT, codec VARCHAR(16), width INTEGER, height INTEGER,"
                        + " key_frames INTEGER, sha256 CHAR(64), origin VARCHAR(10) NOT NULL)");
                String extra = System.getenv().getOrDefault("FLOOR_DDL", "");
                if (!extra.isBlank()) {
                    create.execute(extra);
                }
            }
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(FLOOR_INSERT)) {
                for (int i = 0; i < clips.size(); i++) {
                    bind(insert, i + 1, clips.get(i));
                    insert.addBatch();
                    if ((i + 1) % batchRows == 0 || i == clips.size() - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return perSecond(clips.size(), started);
        } finally {
            DistrictClips.delete(dir);
        }
    }

    private static void bind(PreparedStatement insert, long id, Clip clip) throws Exception {
        long start = clip.start().toEpochMilli();
        insert.setLong(1, id);
        insert.setInt(2, (int) Math.floorDiv(start, 3_600_000L));
        insert.setString(3, clip.cameraId());
        insert.setLong(4, start);
        insert.setLong(5, clip.end().toEpochMilli());
        insert.setString(6, clip.media());
        insert.setLong(7, clip.bytes());
        insert.setString(8, clip.codec());
        insert.setInt(9, clip.width());
        insert.setInt(10, clip.height());
        insert.setInt(11, clip.keyFrames());
        insert.setString(12, clip.sha256());
        insert.setString(13, clip.origin().name());
    }

    private static double perSecond(long rows, long startedNanos) {
        return rows / ((System.nanoTime() - startedNanos) / 1e9);
    }
}
