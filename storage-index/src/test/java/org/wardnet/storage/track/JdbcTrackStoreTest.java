package org.wardnet.storage.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.wardnet.core.track.CameraView;
import org.wardnet.core.track.OwnViewFit;
import org.wardnet.core.track.TrackStore;
import org.wardnet.core.track.TravelMode;
import org.wardnet.core.track.TravelTimes;
import org.wardnet.storage.Database;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;

/**
 * The track store on a real H2 file and a real PostgreSQL: the fitted views (the district's and the cameras' own)
 * absent at first, replaced by each fit and kept
 * across a reopen; learned hops and visibility replaced, not duplicated, when saved again.
 */
class JdbcTrackStoreTest extends StoreTestCase {

    @StoreTest
    void theFittedViewIsReplacedByEachFitAndSurvivesAReopen() {
        TrackStore.FittedView second = new TrackStore.FittedView(new CameraView(20, 70, 5), 2_400, -2.018,
                Instant.parse("2026-11-29T10:00:00Z"), Map.of(
                        "corner", new OwnViewFit.OwnView(new CameraView(43.5, 21.2, 0), 12.5, 388, 41.75),
                        "dome", new OwnViewFit.OwnView(new CameraView(18, 180, 1), null, 25, 3.5)));
        try (Database db = Database.open(config())) {
            JdbcTrackStore store = new JdbcTrackStore(db.dataSource());
            assertTrue(store.view().isEmpty(), "nothing fitted yet");
            store.saveView(new TrackStore.FittedView(new CameraView(25, 75, 1), 1_000, -2.4,
                    Instant.parse("2026-11-29T09:00:00Z"), Map.of("gone",
                            new OwnViewFit.OwnView(new CameraView(30, 40, 2), 90.0, 14, 6.0))));
            store.saveView(second);
            assertEquals(second, store.view().orElseThrow(), "the first fit's own views replaced, not added to");
        }
        try (Database db = Database.open(config())) {
            assertEquals(second, new JdbcTrackStore(db.dataSource()).view().orElseThrow());
        }
    }

    @StoreTest
    void learnedHopsAndVisibilityAreReplacedWhenSavedAgain() {
        int[] first = new int[TravelTimes.BINS];
        first[3] = 2;
        int[] later = first.clone();
        later[3] = 5;
        later[4] = 1;
        try (Database db = Database.open(config())) {
            JdbcTrackStore store = new JdbcTrackStore(db.dataSource());
            store.saveTransitions(List.of(new TrackStore.Transition("a", "b", TravelMode.WALK, TravelTimes.of(first)),
                    new TrackStore.Transition("a", "c", TravelMode.WALK, TravelTimes.of(first))));
            store.saveTransitions(List.of(new TrackStore.Transition("a", "b", TravelMode.WALK, TravelTimes.of(later))));
            List<TrackStore.Transition> stored = store.transitions();
            assertEquals(2, stored.size(), "one row per pair and mode");
            TrackStore.Transition ab = stored.stream().filter(t -> t.to().equals("b")).findFirst().orElseThrow();
            assertArrayEquals(later, ab.times().counts());
            store.saveVisibility(Map.of("a", new int[] {4, 3}));
            store.saveVisibility(Map.of("a", new int[] {9, 7}, "b", new int[] {1, 0}));
            Map<String, int[]> seen = store.visibility();
            assertEquals(2, seen.size());
            assertArrayEquals(new int[] {9, 7}, seen.get("a"));
        }
    }
}
