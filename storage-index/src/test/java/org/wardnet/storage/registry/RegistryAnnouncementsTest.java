package org.wardnet.storage.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.CameraWatcher;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.storage.Database;
import org.wardnet.storage.StoreAnnouncements;
import org.wardnet.storage.secrets.SecretBox;
import org.wardnet.storage.secrets.SecretKeys;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;

/**
 * Two servers' registries on one PostgreSQL database (two connection pools): the sites and
 * cameras one creates, changes and deletes appear in, change in and leave the other's memory, and
 * the other's camera watchers (its health monitor, its recorder) are told.
 */
class RegistryAnnouncementsTest extends StoreTestCase {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T19:00:00Z"), ZoneOffset.UTC);

    @StoreTest
    void whatOneServerWritesTheOtherHolds() throws Exception {
        assumeTrue(store.postgres(), "an H2 store has one server");
        SecretBox secrets = new SecretBox(SecretKeys.newKey(), List.of());
        try (Database one = store.open(); Database other = store.open()) {
            Registry writer = Registry.open(new JdbcRegistryStore(one.dataSource(), secrets), CLOCK);
            writer.createSite(new SiteDraft("C", "Center", "CENTER", null, null, null));
            Registry reader = Registry.open(new JdbcRegistryStore(other.dataSource(), secrets), CLOCK);
            List<String> told = new CopyOnWriteArrayList<>();
            reader.watchCameras(new CameraWatcher() {
                @Override
                public void cameraPut(Camera camera) {
                    told.add("put " + camera.id() + " " + camera.name());
                }

                @Override
                public void cameraRemoved(String cameraId) {
                    told.add("removed " + cameraId);
                }
            });
            StoreAnnouncements announcements = StoreAnnouncements.of(other.dataSource());
            RegistryAnnouncements.listenOn(announcements, reader);
            try (StoreAnnouncements hearing = announcements.start()) {
                writer.createSite(new SiteDraft("S1", "Sub 1", "SUBSTATION", "C", null, null));
                writer.createCamera(camera("cam-1", "Gate"));
                assertEquals("Gate", await(() -> reader.camera("cam-1").map(Camera::name)).orElse(null),
                        "a camera created on one server is held by the other");
                assertEquals("C", reader.site("S1").orElseThrow().parentId(), "and its site");

                writer.replaceCamera("cam-1", camera("cam-1", "North gate"));
                assertEquals("North gate", await(() -> reader.camera("cam-1").map(Camera::name)
                        .filter(name -> !name.equals("Gate"))).orElse(null), "a change reaches the other server");

                writer.deleteCamera("cam-1");
                assertTrue(await(() -> reader.camera("cam-1").isEmpty() ? Optional.of(true) : Optional.empty())
                        .orElse(false), "a deleted camera leaves the other server");
                assertEquals(List.of("put cam-1 Gate", "put cam-1 North gate", "removed cam-1"), told,
                        "the other server's watchers are told of each change once");
                writer.deleteSite("S1", false);
                assertTrue(await(() -> reader.site("S1").isEmpty() ? Optional.of(true) : Optional.empty())
                        .orElse(false), "a deleted site leaves the other server");
            }
        }
    }

    private static CameraDraft camera(String id, String name) {
        return new CameraDraft(id, "S1", name, new CameraDraft.Location(29.87, 121.55), null, null, null, null, null,
                new CameraDraft.Rtsp("rtsp://127.1.0.1/" + id, null, null, null));
    }

    /** What {@code read} answers once it is present, polled for up to 10 s; empty if it never is. */
    private static <T> Optional<T> await(Supplier<Optional<T>> read) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Optional<T> seen = read.get();
        while (seen.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = read.get();
        }
        return seen;
    }
}
