package org.wardnet.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.track.CameraView;
import org.wardnet.core.track.TrackStore;

/** The fitted camera view on a real H2 file: absent at first, replaced by each fit, kept across a reopen. */
class JdbcTrackStoreTest {

    @TempDir
    Path dir;

    private WardnetConfig config() {
        return WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString());
    }

    @Test
    void theFittedViewIsReplacedByEachFitAndSurvivesAReopen() {
        TrackStore.FittedView second = new TrackStore.FittedView(new CameraView(20, 70, 5), 2_400, -2.018,
                Instant.parse("2026-11-29T10:00:00Z"));
        try (Database db = Database.open(config())) {
            JdbcTrackStore store = new JdbcTrackStore(db.dataSource());
            assertTrue(store.view().isEmpty(), "nothing fitted yet");
            store.saveView(new TrackStore.FittedView(new CameraView(25, 75, 1), 1_000, -2.4,
                    Instant.parse("2026-11-29T09:00:00Z")));
            store.saveView(second);
            assertEquals(second, store.view().orElseThrow());
        }
        try (Database db = Database.open(config())) {
            assertEquals(second, new JdbcTrackStore(db.dataSource()).view().orElseThrow());
        }
    }
}
