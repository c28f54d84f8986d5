package org.wardnet.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.server.TestServer;
import org.wardnet.storage.Database;
import org.wardnet.storage.clips.JdbcClipIndex;

/**
 * The demo's edge recorders on a real clip index: the last six hours at start, each further hour
 * as it ends, so a follow from ninety minutes ago keeps finding footage however long the demo runs
 * (a long-running demo used to answer it "no footage" once the start hour was ninety minutes past).
 */
class DemoEdgeFeedTest {

    @TempDir
    Path dir;

    private static final Instant START = Instant.parse("2026-12-06T09:30:00Z");
    private static final List<String> CAMERAS = IntStream.range(0, 1_203).mapToObj(i -> "cam-" + i).toList();

    @Test
    void handsInTheLastSixHoursThenEachHourAsItEnds() throws Exception {
        try (Database db = Database.open(TestServer.onTheStoreAsked(
                WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString())))) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            DemoEdgeFeed feed = feedAt(index, START);

            assertEquals(6 * CAMERAS.size(), feed.catchUp(), "03:00 to 09:00, every camera");
            assertEquals(0, feed.catchUp(), "nothing twice");
            assertTrue(hasFootage(index, "cam-7", START.minus(Duration.ofMinutes(90))));

            Instant later = Instant.parse("2026-12-06T11:10:00Z");
            assertTrue(!hasFootage(index, "cam-7", later.minus(Duration.ofMinutes(90))),
                    "09:40 is not handed in until the hour ends");
            assertEquals(2 * CAMERAS.size(), feedAt(index, later).catchUp(),
                    "09:00 and 10:00, missed while the demo was away");
            assertTrue(hasFootage(index, "cam-7", later.minus(Duration.ofMinutes(90))));
            assertEquals(1, index.overlapping("cam-1202", Instant.parse("2026-12-06T10:00:00Z"),
                    Instant.parse("2026-12-06T11:00:00Z"), null, 10).size());
        }
    }

    @Test
    void completesAnHourCutOffHalfWayWithoutDoubles() throws Exception {
        try (Database db = Database.open(TestServer.onTheStoreAsked(
                WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString())))) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            feedAt(index, START).catchUp();
            // The demo stopped after the first 400 cameras of 09:00 were handed in.
            Instant nine = Instant.parse("2026-12-06T09:00:00Z");
            index.add(CAMERAS.subList(0, 400).stream().map(camera -> new Clip(0, camera, nine,
                    nine.plus(Duration.ofHours(1)), "x.mp4", 1_000L, "H264", 640, 360, null, null,
                    ClipOrigin.IMPORTED)).toList());

            assertEquals(CAMERAS.size() - 400, feedAt(index, Instant.parse("2026-12-06T10:00:06Z")).catchUp());
            for (String camera : List.of("cam-0", "cam-399", "cam-400", "cam-1202")) {
                assertEquals(1, index.overlapping(camera, nine, nine.plus(Duration.ofHours(1)), null, 10).size(),
                        camera);
            }
        }
    }

    /** The feed as it sees the time {@code now} (a fresh one per moment: it keeps no state but the index). */
    private DemoEdgeFeed feedAt(JdbcClipIndex index, Instant now) throws Exception {
        Path hour = dir.resolve("demo-hour.mp4");
        if (!Files.exists(hour)) {
            Files.write(hour, new byte[1_000]);
        }
        return new DemoEdgeFeed(index, CAMERAS, hour, 1_000, Clock.fixed(now, ZoneOffset.UTC), quiet());
    }

    private static boolean hasFootage(JdbcClipIndex index, String camera, Instant at) {
        return !index.overlapping(camera, at, at.plusSeconds(300), null, 1).isEmpty();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
