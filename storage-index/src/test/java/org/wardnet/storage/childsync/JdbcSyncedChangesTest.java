package org.wardnet.storage.childsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.SyncedChanges;
import org.wardnet.core.federation.SyncedState;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.storage.Database;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;
import org.wardnet.storage.clips.JdbcClipIndex;
import org.wardnet.storage.clips.SyncedClipRows;
import org.wardnet.storage.federation.IdEncoder;
import org.wardnet.storage.federation.JdbcSyncJournal;
import org.wardnet.storage.federation.JdbcSyncProgress;
import org.wardnet.storage.health.JdbcHealthHistory;

/**
 * A parent's store of its children's pushes on a real H2 file and a real PostgreSQL: clip rows keyed by (node, the
 * node's id), applied with the acknowledgement in one transaction, found by the ordinary clip
 * queries, kept once when pushed twice, and journaled onward by a node that has a parent itself.
 */
class JdbcSyncedChangesTest extends StoreTestCase {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private Database open() {
        return Database.open(config());
    }

    /** A clip as the node holds it: its own id, its own path (which must not travel). */
    private static Clip nodeClip(long nodeId, String camera, int minute) {
        return new Clip(nodeId, camera, T0.plusSeconds(minute * 60L), T0.plusSeconds(minute * 60L + 60),
                "/var/room/" + nodeId + ".mp4", 2048L, "H264", 1280, 720, 1, null, ClipOrigin.RECORDED);
    }

    private static HealthEvent offline(String camera, int minute) {
        return new HealthEvent(T0.plusSeconds(minute * 60L), HealthEvent.Subject.CAMERA, camera, "ONLINE", "OFFLINE",
                "no answer", true, null);
    }

    @StoreTest
    void clipsLandInTheIndexUnderTheirNodeOnceWithTheAcknowledgement() {
        try (Database db = open()) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            SyncedChanges synced = new JdbcSyncedChanges(db.dataSource(), new SyncedClipRows(index), null, null);
            JdbcSyncProgress progress = new JdbcSyncProgress(db.dataSource());
            index.add(List.of(new Clip(0, "here", T0, T0.plusSeconds(60), "/rec/here.mp4", 1L, null, null, null,
                    null, null, ClipOrigin.RECORDED)));

            synced.apply("room-1", new SyncedChanges.Batch(List.of(offline("cam-a", 1)),
                    List.of(new SyncedState(HealthEvent.Subject.CAMERA, "cam-a", "room-1", "OFFLINE", T0, "no answer",
                            null)), List.of(nodeClip(7, "cam-a", 0), nodeClip(8, "cam-a", 1)), List.of()), 12, T0);
            assertEquals(12, progress.acked("room-1"));
            List<Clip> found = index.overlapping("cam-a", T0, T0.plusSeconds(3600), null, 10);
            assertEquals(2, found.size());
            assertEquals("room-1", found.get(0).heldByNode());
            assertEquals(7, found.get(0).nodeClipId(), "the node's id is kept; the node's path is not");
            assertEquals(List.of("cam-a"), index.withFootage(List.of("cam-a", "cam-b"), T0, T0.plusSeconds(90)));
            assertEquals(Map.of("here", 1L), index.recordedBytesByCamera(), "a node's footage is not this node's disk");
            assertEquals(1, new JdbcHealthHistory(db.dataSource()).recent("cam-a", 5).size());

            // the same rows again (a child restored from a backup pushes them anew): updated in place, not doubled
            long firstId = found.get(0).id();
            synced.apply("room-1", new SyncedChanges.Batch(List.of(), List.of(), List.of(nodeClip(7, "cam-a", 0),
                    nodeClip(9, "cam-a", 2)), List.of(8L)), 15, T0);
            List<Clip> after = index.overlapping("cam-a", T0, T0.plusSeconds(3600), null, 10);
            assertEquals(List.of(7L, 9L), after.stream().map(Clip::nodeClipId).toList());
            assertEquals(firstId, after.get(0).id());
            assertEquals(15, progress.acked("room-1"));

            // another node may use the same ids for its own clips
            synced.apply("room-2", new SyncedChanges.Batch(List.of(), List.of(), List.of(nodeClip(7, "cam-z", 0)),
                    List.of()), 1, T0);
            assertEquals(1, index.overlapping("cam-z", T0, T0.plusSeconds(60), null, 10).size());
        }
    }

    @StoreTest
    void aFailedBatchAppliesNothingAndAcknowledgesNothing() {
        try (Database db = open()) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            SyncedChanges synced = new JdbcSyncedChanges(db.dataSource(), new SyncedClipRows(index), null, null);
            String tooLong = "c".repeat(65); // the camera column holds 64
            assertThrows(StoreUnavailableException.class, () -> synced.apply("room-1", new SyncedChanges.Batch(
                    List.of(offline("cam-a", 1)), List.of(), List.of(nodeClip(1, "cam-a", 0), nodeClip(2, tooLong, 0)),
                    List.of()), 5, T0));
            assertEquals(0, new JdbcSyncProgress(db.dataSource()).acked("room-1"));
            assertTrue(index.overlapping("cam-a", T0, T0.plusSeconds(3600), null, 10).isEmpty());
            assertTrue(new JdbcHealthHistory(db.dataSource()).recent("cam-a", 5).isEmpty());
        }
    }

    @StoreTest
    void theLatestStatePerSubjectIsKeptAcrossARestart() {
        try (Database db = open()) {
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource());
            SyncedChanges synced = new JdbcSyncedChanges(db.dataSource(), new SyncedClipRows(index), null, null);
            synced.apply("sub-1", new SyncedChanges.Batch(List.of(), List.of(
                    new SyncedState(HealthEvent.Subject.CAMERA, "cam-a", "sub-1", "ONLINE", T0, null, null),
                    new SyncedState(HealthEvent.Subject.CAMERA, "cam-a", "sub-1", "OFFLINE", T0.plusSeconds(5), "gone",
                            null),
                    new SyncedState(HealthEvent.Subject.NODE, "room-3", "sub-1", "UNREACHABLE", T0, "no push",
                            "site-r3")), List.of(), List.of()), 3, T0);
        }
        try (Database db = open()) {
            Map<String, SyncedState> states = new JdbcSyncedChanges(db.dataSource(),
                    new SyncedClipRows(new JdbcClipIndex(db.dataSource())), null, null).states().stream()
                    .collect(Collectors.toMap(SyncedState::id, s -> s));
            assertEquals("OFFLINE", states.get("cam-a").state());
            assertEquals(T0.plusSeconds(5), states.get("cam-a").since());
            assertEquals("site-r3", states.get("room-3").rootSite());
            assertNull(states.get("cam-a").rootSite());
        }
    }

    @StoreTest
    void aNodeWithAParentJournalsWhatItAppliedUnderItsOwnIds() {
        try (Database db = open()) {
            JdbcSyncJournal journal = new JdbcSyncJournal(db.dataSource(), Clock.systemUTC());
            JdbcClipIndex index = new JdbcClipIndex(db.dataSource()).journaled(journal, new IdEncoder());
            index.add(List.of(new Clip(0, "own", T0, T0.plusSeconds(60), "/rec/own.mp4", 1L, null, null, null, null,
                    null, ClipOrigin.RECORDED)));
            SyncedChanges synced = new JdbcSyncedChanges(db.dataSource(), new SyncedClipRows(index), journal,
                    new IdEncoder());
            synced.apply("room-1", new SyncedChanges.Batch(List.of(offline("cam-a", 1)), List.of(),
                    List.of(nodeClip(40, "cam-a", 0)), List.of()), 3, T0);
            synced.apply("room-1", new SyncedChanges.Batch(List.of(), List.of(), List.of(), List.of(40L)), 4, T0);

            List<Change> journaled = journal.after(0, 100);
            assertEquals(List.of("CLIP PUT 1", "HEALTH PUT cam-a", "CLIP PUT 2", "CLIP DELETE 2"), journaled.stream()
                    .map(c -> c.kind() + " " + c.op() + " " + c.key()).toList(),
                    "the room's clip goes on under this node's id for it (2), not the room's (40)");
            assertEquals("clip 2 of cam-a at " + T0, journaled.get(2).payload());
        }
    }
}
