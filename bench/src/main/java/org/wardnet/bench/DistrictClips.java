package org.wardnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.ClipOrigin;

/**
 * One one-hour clip per camera per hour, added hour by hour across all cameras in batches (one
 * transaction each), as recorders deliver them; progress every 10 days.
 */
public final class DistrictClips {

    private DistrictClips() {
    }

    /** Deletes a benchmark's scratch store (gigabytes at district scale). */
    public static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** @return rows added per second of wall time */
    public static double ingest(ClipIndex index, String[] cameraIds, Instant start, int days, int batchSize) {
        List<Clip> batch = new ArrayList<>(batchSize);
        long began = System.nanoTime();
        long done = 0;
        for (int hour = 0; hour < days * 24; hour++) {
            Instant from = start.plusSeconds(hour * 3600L);
            for (String camera : cameraIds) {
                batch.add(new Clip(0, camera, from, from.plusSeconds(3600), "/recordings/" + camera + "/" + hour + ".mp4",
                        450_000_000L, "H264", 1920, 1080, 3600, null, ClipOrigin.RECORDED));
                if (batch.size() == batchSize) {
                    index.add(batch);
                    done += batch.size();
                    batch.clear();
                }
            }
            if (hour % 240 == 239) {
                System.out.printf("  day %d: %,d rows, %.0f rows/s%n", hour / 24 + 1, done,
                        done / ((System.nanoTime() - began) / 1e9));
            }
        }
        index.add(batch);
        done += batch.size();
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("RESULT ingest: %,d rows in %.1f s = %.0f rows/s (batches of %,d)%n", done, seconds,
                done / seconds, batchSize);
        return done / seconds;
    }
}
