package org.wardnet.storage.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.errors.StoreUnavailableException;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.RegistryChange;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.storage.Database;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;
import org.wardnet.storage.StoreOpenException;
import org.wardnet.storage.secrets.SecretBox;
import org.wardnet.storage.secrets.SecretKeys;

class JdbcRegistryStoreTest extends StoreTestCase {

    @TempDir
    Path dataDir;

    private static final SecretBox SECRETS = new SecretBox(SecretKeys.newKey(), List.of());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T08:00:00.123456Z"), ZoneOffset.UTC);

    private static CameraDraft camera(String id, String site, String password) {
        return new CameraDraft(id, site, "Gate " + id, new CameraDraft.Location(29.8712345, 121.5498765), 45.5,
                "pole, 4 m", "Hikvision", "DS-2CD", new CameraDraft.Onvif("http://127.1.0.1/onvif/device_service",
                        "admin", password),
                new CameraDraft.Rtsp("rtsp://127.1.0.1/Streaming/Channels/101", "rtsp://127.1.0.1/sub", "op", "pw2"));
    }

    @StoreTest
    void everythingWrittenIsReadBackExactlyAfterReopening() {
        Camera written;
        try (Database db = Database.open(config())) {
            Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(), SECRETS), CLOCK);
            registry.createSite(new SiteDraft("C", "Center", "CENTER", null, null, "Haishu"));
            registry.createSite(new SiteDraft("S1", "Sub 1", "SUBSTATION", "C", null, null));
            registry.createSite(new SiteDraft("R1", "Room 1", "ROOM", "S1", "HOSPITAL", null));
            written = registry.createCamera(camera("34020000001320000001", "R1", "s3cret"));
            registry.createCamera(new CameraDraft("plain", "S1", "Plain RTSP", new CameraDraft.Location(0.0, 0.0),
                    null, null, null, null, null, new CameraDraft.Rtsp("rtsp://127.1.0.2/", null, null, null)));
        }
        assertTrue(store.postgres() || Files.exists(store.dataDir().resolve("wardnet.mv.db")));
        try (Database db = Database.open(config())) {
            Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(), SECRETS), CLOCK);
            assertEquals(written, registry.camera("34020000001320000001").orElseThrow());
            assertEquals("s3cret", registry.camera("34020000001320000001").orElseThrow().onvif().credentials().password());
            Camera plain = registry.camera("plain").orElseThrow();
            assertEquals(null, plain.onvif());
            assertEquals(null, plain.heading());
            assertEquals("HOSPITAL", registry.site("R1").orElseThrow().kind().name());
            assertEquals(3, registry.queries().siteCount());
        }
    }

    @StoreTest
    void cascadeDeleteAndBatchImportPersist() {
        try (Database db = Database.open(config())) {
            Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(), SECRETS), CLOCK);
            registry.createSite(new SiteDraft("C", "Center", "CENTER", null, null, null));
            registry.createSite(new SiteDraft("S1", "Sub 1", "SUBSTATION", "C", null, null));
            registry.createSite(new SiteDraft("R1", "Room 1", "ROOM", "S1", "BANK", null));
            List<org.wardnet.core.registry.CameraImport.Row> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) {
                rows.add(new org.wardnet.core.registry.CameraImport.Row(i + 1, camera("c" + i, "R1", "p"), List.of()));
            }
            assertEquals(500, registry.importCameras(rows, true).created());
            registry.deleteSite("S1", true);
        }
        try (Database db = Database.open(config())) {
            Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(), SECRETS), CLOCK);
            assertEquals(0, registry.queries().cameraCount());
            assertEquals(1, registry.queries().siteCount());
        }
    }

    @StoreTest
    void aFailingBatchRollsBackTheWholeTransaction() {
        try (Database db = Database.open(config())) {
            JdbcRegistryStore store = new JdbcRegistryStore(db.dataSource(), SECRETS);
            Registry registry = Registry.open(store, CLOCK);
            registry.createSite(new SiteDraft("C", "Center", "CENTER", null, null, null));
            Camera ok = camera("ok", "C", "p").validate(null, CLOCK.instant()).value();
            Camera orphan = camera("orphan", "missing", "p").validate(null, CLOCK.instant()).value();
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> store.apply(List.of(
                    new RegistryChange.PutCamera(ok, true), new RegistryChange.DeleteSite("nothing-here"),
                    new RegistryChange.PutCamera(orphan, true))));
            assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
            assertFalse(store.load().cameras().stream().anyMatch(c -> c.id().equals("ok")));
        }
    }

    @StoreTest
    void unreadableDataDirectoryIsAClearError() throws Exception {
        Assumptions.assumeFalse(store.postgres(), "the data directory holds the store only for H2");
        Path file = dataDir.resolve("not-a-dir");
        Files.writeString(file, "x");
        StoreOpenException e = assertThrows(StoreOpenException.class, () -> Database.open(
                WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, file.resolve("sub").toString())));
        assertTrue(e.getMessage().contains("store.dataDir"), e.getMessage());
    }
}
