package org.wardnet.storage.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.storage.Database;
import org.wardnet.storage.stores.StoreTest;
import org.wardnet.storage.stores.StoreTestCase;
import org.wardnet.storage.StoreOpenException;
import org.wardnet.storage.secrets.SecretBox;
import org.wardnet.storage.secrets.SecretKeys;

/**
 * Camera passwords at rest: sealed with AES-GCM under a key created on first start (owner-only),
 * never in the database file as plaintext, plaintext from older stores sealed at the next start,
 * an altered value or a missing key reported, and a rotation that re-seals everything.
 */
class SealedCredentialsTest extends StoreTestCase {

    private Path dataDir() {
        return store.dataDir();
    }

    private static CameraDraft camera(String id, String password) {
        return new CameraDraft(id, "C", "Gate " + id, new CameraDraft.Location(29.87, 121.55), null, null, null, null,
                new CameraDraft.Onvif("http://127.1.0.1/onvif/device_service", "admin", password),
                new CameraDraft.Rtsp("rtsp://127.1.0.1/live", null, "op", password + "-rtsp"));
    }

    private List<String> storedPasswords(Database db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT onvif_password, rtsp_password FROM camera ORDER BY id")) {
            while (rows.next()) {
                out.add(rows.getString(1));
                out.add(rows.getString(2));
            }
        }
        return out;
    }

    @StoreTest
    void passwordsAreSealedUnderAKeyOnlyItsOwnerCanRead() throws Exception {
        try (Database db = Database.open(config())) {
            Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(), SecretKeys.load(config())),
                    Clock.systemUTC());
            registry.createSite(new SiteDraft("C", "Center", "CENTER", null, null, null));
            registry.createCamera(camera("a", "hunter2-secret"));
            for (String stored : storedPasswords(db)) {
                assertTrue(stored.startsWith("enc:v1:"), stored);
                assertFalse(stored.contains("hunter2"), stored);
            }
        }
        Path key = dataDir().resolve("secret.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(key).trim()).length);
        if (!store.postgres()) { // on PostgreSQL the stored values above are what the server holds
            byte[] file = Files.readAllBytes(dataDir().resolve("wardnet.mv.db"));
            assertFalse(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains("hunter2-secret"),
                    "the database file holds no plaintext password");
        }
        try (Database db = Database.open(config())) {
            Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(), SecretKeys.load(config())),
                    Clock.systemUTC());
            assertEquals("hunter2-secret", registry.camera("a").orElseThrow().onvif().credentials().password());
            assertEquals("hunter2-secret-rtsp", registry.camera("a").orElseThrow().rtsp().credentials().password());
        }
    }

    @StoreTest
    void plaintextFromAnOlderStoreIsSealedAtTheNextStart() throws Exception {
        try (Database db = Database.open(config())) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO site (id, name, tier, created_at, updated_at) VALUES ('C', 'Center',"
                        + " 'CENTER', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                s.executeUpdate("INSERT INTO camera (id, site_id, name, lat, lon, onvif_url, onvif_username,"
                        + " onvif_password, created_at, updated_at) VALUES ('old', 'C', 'Old', 29.87, 121.55,"
                        + " 'http://127.1.0.1/onvif', 'admin', 'legacy-pw', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
            JdbcRegistryStore store = new JdbcRegistryStore(db.dataSource(), SecretKeys.load(config()));
            assertEquals("legacy-pw", Registry.open(store, Clock.systemUTC()).camera("old").orElseThrow().onvif()
                    .credentials().password());
            assertEquals(1, store.resealed());
            assertTrue(storedPasswords(db).get(0).startsWith("enc:v1:"));
            JdbcRegistryStore again = new JdbcRegistryStore(db.dataSource(), SecretKeys.load(config()));
            again.load();
            assertEquals(0, again.resealed(), "sealed once, left alone after");
        }
    }

    @StoreTest
    void anAlteredValueOrAMissingKeyIsReportedNotGuessed() {
        SecretBox box = new SecretBox(SecretKeys.newKey(), List.of());
        String sealed = box.seal("pw");
        assertNotEquals(sealed, box.seal("pw"), "a fresh nonce every time");
        char[] chars = sealed.toCharArray();
        chars[chars.length - 3] = chars[chars.length - 3] == 'A' ? 'B' : 'A';
        SecretBox.SecretException altered = assertThrows(SecretBox.SecretException.class,
                () -> box.open(new String(chars)));
        assertTrue(altered.getMessage().contains("altered"), altered.getMessage());
        SecretBox other = new SecretBox(SecretKeys.newKey(), List.of());
        SecretBox.SecretException missing = assertThrows(SecretBox.SecretException.class, () -> other.open(sealed));
        assertTrue(missing.getMessage().contains(box.currentKeyId()), missing.getMessage());
        assertEquals("", box.seal(""), "nothing to hide");
    }

    @StoreTest
    void aRotationReSealsEveryPasswordAndRetiresTheOldKey() throws Exception {
        try (Database db = Database.open(config())) {
            Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(), SecretKeys.load(config())),
                    Clock.systemUTC());
            registry.createSite(new SiteDraft("C", "Center", "CENTER", null, null, null));
            registry.createCamera(camera("a", "pw-a"));
            registry.createCamera(camera("b", "pw-b"));
        }
        String before = SecretKeys.load(config()).currentKeyId();
        KeyRotation.Outcome outcome = KeyRotation.rotate(config());
        assertEquals(2, outcome.cameras());
        assertNotEquals(before, outcome.keyId());
        assertFalse(Files.exists(dataDir().resolve("secret.key.next")));
        try (Database db = Database.open(config())) {
            for (String stored : storedPasswords(db)) {
                assertTrue(stored.startsWith("enc:v1:" + outcome.keyId() + ":"), stored);
            }
            Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(), SecretKeys.load(config())),
                    Clock.systemUTC());
            assertEquals("pw-b", registry.camera("b").orElseThrow().onvif().credentials().password());
        }
    }

    @StoreTest
    void aRotationInterruptedBeforeTheKeyFileMovedStillOpensEverything() throws Exception {
        try (Database db = Database.open(config())) {
            Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(), SecretKeys.load(config())),
                    Clock.systemUTC());
            registry.createSite(new SiteDraft("C", "Center", "CENTER", null, null, null));
            registry.createCamera(camera("a", "pw-a"));
        }
        // the store re-sealed with the next key, then the process died before the key file moved
        byte[] next = SecretKeys.newKey();
        SecretKeys.write(dataDir().resolve("secret.key.next"), next);
        byte[] current = SecretKeys.read(dataDir().resolve("secret.key"));
        try (Database db = Database.open(config())) {
            new JdbcRegistryStore(db.dataSource(), new SecretBox(next, List.of(current))).load();
        }
        try (Database db = Database.open(config())) {
            Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(), SecretKeys.load(config())),
                    Clock.systemUTC());
            assertEquals("pw-a", registry.camera("a").orElseThrow().onvif().credentials().password());
        }
        KeyRotation.Outcome finished = KeyRotation.rotate(config());
        assertEquals(1, finished.cameras(), "the start in between sealed it back under the current key; running"
                + " the rotation again seals it with the same new key");
        assertEquals(SecretBox.keyId(next), finished.keyId());
        assertEquals(SecretBox.keyId(next), SecretKeys.load(config()).currentKeyId());
    }

    @StoreTest
    void aKeyGivenInTheConfigurationIsUsedAndABadOneRefused() {
        String key = Base64.getEncoder().encodeToString(SecretKeys.newKey());
        SecretBox box = SecretKeys.load(config().with(WardnetKeys.STORE_SECRET_KEY, key));
        assertEquals("pw", box.open(box.seal("pw")));
        assertFalse(Files.exists(dataDir().resolve("secret.key")), "no key file when the key is configured");
        StoreOpenException bad = assertThrows(StoreOpenException.class,
                () -> SecretKeys.load(config().with(WardnetKeys.STORE_SECRET_KEY, "c2hvcnQ=")));
        assertTrue(bad.getMessage().contains("32 bytes"), bad.getMessage());
    }
}
