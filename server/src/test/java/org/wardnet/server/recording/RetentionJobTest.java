package org.wardnet.server.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.app.recording.RetentionJob;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.clips.RetentionPolicy;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.RegistryStore;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.core.registry.Tier;
import org.wardnet.server.TestServer;
import org.wardnet.storage.Database;
import org.wardnet.storage.clips.JdbcClipIndex;

/**
 * Retention on a real index and real files: ages per tier, byte budgets oldest first, holds that
 * nothing overrides, footage not recorded here left alone; on whichever store the run asks for
 * (H2, or PostgreSQL where whole days are dropped as partitions).
 */
class RetentionJobTest {

    @TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private Database open() {
        return Database.open(TestServer.onTheStoreAsked(
                WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString())));
    }

    private Registry registry() {
        Registry registry = Registry.open(RegistryStore.none(), Clock.fixed(NOW, ZoneOffset.UTC));
        registry.createSite(new SiteDraft("C", "Center", "CENTER", null, null, null));
        registry.createSite(new SiteDraft("S", "Sub", "SUBSTATION", "C", null, null));
        registry.createSite(new SiteDraft("R", "Room", "ROOM", "S", "BANK", null));
        for (String[] camera : new String[][] {{"room-cam", "R"}, {"center-cam", "C"}}) {
            registry.createCamera(new CameraDraft(camera[0], camera[1], camera[0], new CameraDraft.Location(1.0, 2.0), null,
                    null, null, null, null, new CameraDraft.Rtsp("rtsp://127.0.0.1:1/x", null, null, null)));
        }
        return registry;
    }

    private Clip clip(String camera, int daysAgo, ClipOrigin origin) throws Exception {
        Instant start = NOW.minus(Duration.ofDays(daysAgo));
        Path file = Files.createDirectories(dir.resolve("rec").resolve(camera)).resolve(daysAgo + "-" + origin + ".mp4");
        Files.write(file, new byte[1000]);
        return new Clip(0, camera, start, start.plusSeconds(60), file.toString(), 1000L, "H264", 640, 360, 1, null, origin);
    }

    private static RetentionPolicy policy(int roomDays, long roomBytes) {
        return new RetentionPolicy(Map.of(Tier.CENTER, Duration.ofDays(90), Tier.SUBSTATION, Duration.ofDays(60),
                Tier.ROOM, Duration.ofDays(roomDays)), Map.of(Tier.ROOM, roomBytes));
    }

    @Test
    void agesPerTierHoldsAndOrigins() throws Exception {
        try (Database db = open()) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            List<Clip> clips = List.of(clip("room-cam", 40, ClipOrigin.RECORDED), clip("room-cam", 35, ClipOrigin.RECORDED),
                    clip("room-cam", 5, ClipOrigin.RECORDED), clip("room-cam", 50, ClipOrigin.IMPORTED),
                    clip("center-cam", 40, ClipOrigin.RECORDED), clip("gone-cam", 80, ClipOrigin.RECORDED));
            List<Long> ids = index.add(clips);
            index.hold(ids.get(1), "case 2026-114", NOW);

            RetentionJob.Pass pass = new RetentionJob(index, registry(), policy(30, 0), Clock.fixed(NOW, ZoneOffset.UTC))
                    .run();
            assertEquals(1, pass.clips(), "only the 40-day-old room clip: one is held, the rest are young or not ours");
            assertEquals(1, pass.held());
            assertFalse(Files.exists(Path.of(clips.get(0).media())));
            assertTrue(index.get(ids.get(0)).isEmpty());
            assertTrue(Files.exists(Path.of(clips.get(1).media())), "held");
            assertTrue(index.get(ids.get(3)).isPresent(), "imported footage is not retention's to delete");
            assertTrue(index.get(ids.get(4)).isPresent(), "a center keeps 90 days");
            assertTrue(index.get(ids.get(5)).isPresent(), "an unregistered camera's clips follow the center's rules");

            assertTrue(index.release(ids.get(1)));
            assertEquals(1, new RetentionJob(index, registry(), policy(30, 0), Clock.fixed(NOW, ZoneOffset.UTC)).run()
                    .clips(), "released, then deleted");
        }
    }

    @Test
    void aByteBudgetDeletesOldestFirst() throws Exception {
        try (Database db = open()) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            List<Clip> clips = new ArrayList<>();
            for (int daysAgo = 10; daysAgo >= 1; daysAgo--) {
                clips.add(clip("room-cam", daysAgo, ClipOrigin.RECORDED));
            }
            List<Long> ids = index.add(clips);
            index.hold(ids.get(0), "evidence", NOW); // the oldest, held: the budget is met from the next ones
            RetentionJob.Pass pass = new RetentionJob(index, registry(), policy(0, 6_500),
                    Clock.fixed(NOW, ZoneOffset.UTC)).run();
            assertEquals(4, pass.clips(), "10 x 1000 bytes against 6,500: the 4 oldest unheld go");
            assertEquals(4_000, pass.bytes());
            assertTrue(index.get(ids.get(0)).isPresent());
            for (int i = 1; i <= 4; i++) {
                assertTrue(index.get(ids.get(i)).isEmpty(), "clip " + i);
            }
            assertTrue(index.get(ids.get(5)).isPresent());
        }
    }

    /** A day of hourly room clips starting {@code daysAgo} days before NOW's day, at 00:00 UTC. */
    private List<Clip> day(int daysAgo, String tag) throws Exception {
        Instant midnight = NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(daysAgo));
        Path folder = Files.createDirectories(dir.resolve("rec").resolve("room-cam").resolve(tag));
        List<Clip> clips = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            Instant start = midnight.plus(Duration.ofHours(hour));
            Path file = folder.resolve(hour + ".mp4");
            Files.write(file, new byte[100]);
            clips.add(new Clip(0, "room-cam", start, start.plusSeconds(600), file.toString(), 100L, "H264", 640, 360,
                    1, null, ClipOrigin.RECORDED));
        }
        return clips;
    }

    @Test
    void wholeDaysGoTogetherAndADayWithAKeeperStays() throws Exception {
        try (Database db = open()) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            List<Long> whole = index.add(day(40, "whole"));
            List<Long> heldDay = index.add(day(45, "held"));
            List<Long> importedDay = index.add(day(50, "imported"));
            Clip imported = clip("room-cam", 50, ClipOrigin.IMPORTED);
            long importedId = index.add(List.of(imported)).get(0);
            index.hold(heldDay.get(7), "case 2026-201", NOW);
            List<Long> young = index.add(day(3, "young"));

            RetentionJob.Pass pass = new RetentionJob(index, registry(), policy(30, 0),
                    Clock.fixed(NOW, ZoneOffset.UTC)).run();

            assertEquals(3 * 24 - 1, pass.clips(), "three days of room clips past 30 days, one held");
            assertEquals(1, pass.held());
            for (long id : whole) {
                assertTrue(index.get(id).isEmpty(), "clip " + id + " of the whole day");
            }
            for (long id : importedDay) {
                assertTrue(index.get(id).isEmpty(), "recorded clip " + id + " beside imported footage");
            }
            assertTrue(index.get(importedId).isPresent(), "imported footage stays");
            assertTrue(index.get(heldDay.get(7)).isPresent(), "the held clip stays");
            assertEquals(1, heldDay.stream().filter(id -> index.get(id).isPresent()).count());
            for (long id : young) {
                assertTrue(index.get(id).isPresent(), "three days old: kept");
            }
            if (db.description().startsWith("jdbc:postgresql")) {
                assertFalse(partitionExists(db, 40), "the whole day's partition is dropped");
                assertTrue(partitionExists(db, 45), "a day with a held clip keeps its partition");
                assertTrue(partitionExists(db, 50), "a day with imported footage keeps its partition");
                assertTrue(partitionExists(db, 3));
            }
            assertTrue(index.overlapping("room-cam", NOW.minus(Duration.ofDays(41)), NOW.minus(Duration.ofDays(39)),
                    null, 100).isEmpty(), "nothing of the dropped day is found");
        }
    }

    private static boolean partitionExists(Database db, int daysAgo) throws Exception {
        long day = Math.floorDiv(NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .minus(Duration.ofDays(daysAgo)).toEpochMilli(), 86_400_000L);
        try (var connection = db.dataSource().getConnection(); var select = connection.createStatement();
                var row = select.executeQuery("SELECT to_regclass('clip_d" + day + "') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
