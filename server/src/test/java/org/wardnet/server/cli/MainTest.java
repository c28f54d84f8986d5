package org.wardnet.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.DefaultConfigFile;

class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badUsageExitsTwoWithTheReason() {
        assertEquals(2, run(Map.of()));
        assertEquals(2, run(Map.of(), "launch"));
        assertTrue(err().contains("unknown command 'launch'"), err());
        assertEquals(2, run(Map.of(), "serve", "--port"));
        assertTrue(err().contains("--port needs a value"), err());
        assertEquals(2, run(Map.of(), "demo", "--store", "mysql"));
        assertTrue(err().contains("--store takes h2 or postgresql, got 'mysql'"), err());
        assertEquals(2, run(Map.of(), "serve", "--colour", "red"));
    }

    @Test
    void badConfigurationStopsStartUpNamingKeyFileAndExpectation() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "server:\n  port: 99999\n");
        assertEquals(2, run(Map.of(), "serve", "--config", config.toString(), "--data", dir.toString()));
        assertTrue(err().contains("bad.yaml:2: server.port: expected an integer from 0 to 65535, got '99999'"), err());
        assertEquals(2, run(Map.of("WARDNET_SERVER_PORT", "x"), "serve", "--data", dir.toString()));
        assertTrue(err().contains("environment variable WARDNET_SERVER_PORT"), err());
        assertEquals(2, run(Map.of(), "serve", "--set", "store.nope=1"));
        assertTrue(err().contains("unknown key 'store.nope'"), err());
    }

    @Test
    void anAddressInUseIsAClearErrorAndReleasesTheStore() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            assertEquals(1, run(Map.of("WARDNET_AUTH_ADMIN_PASSWORD", org.wardnet.server.TestServer.ADMIN_PASSWORD),
                    "serve", "--port", port, "--data", dir.toString(), "--set", "live.rtspPort=0"));
            assertTrue(err().contains("cannot listen on 127.0.0.1:" + port), err());
        }
        // The store was closed again: another server can open the same directory at once.
        try (org.wardnet.server.TestServer again = org.wardnet.server.TestServer.start(dir)) {
            assertEquals(200, again.get("/healthz").statusCode());
        }
    }

    @Test
    void configDefaultsPrintsTheDocumentedFile() {
        assertEquals(0, run(Map.of(), "config-defaults"));
        assertEquals(DefaultConfigFile.render(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void districtWritesItsFiles() throws Exception {
        Path cameras = dir.resolve("cameras.csv");
        Path sites = dir.resolve("sites.ndjson");
        assertEquals(0, run(Map.of(), "district", "--cameras", cameras.toString(), "--sites", sites.toString()));
        assertEquals(12_415, Files.readAllLines(cameras).size(), "header and 12,414 cameras");
        assertEquals(309, Files.readAllLines(sites).size());
        Path streets = dir.resolve("streets.geojson");
        assertEquals(0, run(Map.of(), "district", "--streets", streets.toString()));
        com.fasterxml.jackson.databind.JsonNode grid = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(streets.toFile());
        assertEquals(1_555, grid.get("features").size(), "31 x 26 crossings 200 m apart, joined");
        assertEquals("LineString", grid.get("features").get(0).get("geometry").get("type").asText());
        assertEquals(2, run(Map.of(), "district", "--seed", "x"));
    }

    @Test
    void rotateKeyReSealsTheStoredPasswords() throws Exception {
        Path data = dir.resolve("store");
        org.wardnet.config.WardnetConfig config = org.wardnet.config.WardnetConfig.defaults()
                .with(org.wardnet.config.WardnetKeys.STORE_DATA_DIR, data.toString());
        try (org.wardnet.storage.Database db = org.wardnet.storage.Database.open(config)) {
            org.wardnet.core.registry.Registry registry = org.wardnet.core.registry.Registry.open(
                    new org.wardnet.storage.registry.JdbcRegistryStore(db.dataSource(), org.wardnet.storage.secrets.SecretKeys.load(config)),
                    java.time.Clock.systemUTC());
            registry.createSite(new org.wardnet.core.registry.SiteDraft("C", "Center", "CENTER", null, null, null));
            registry.createCamera(new org.wardnet.core.registry.CameraDraft("a", "C", "A",
                    new org.wardnet.core.registry.CameraDraft.Location(29.87, 121.55), null, null, null, null,
                    new org.wardnet.core.registry.CameraDraft.Onvif("http://127.1.0.1/onvif", "admin", "pw"), null));
        }
        String before = Files.readString(data.resolve("secret.key"));
        assertEquals(0, run(Map.of(), "rotate-key", "--data", data.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("re-sealed the passwords of 1 cameras"), out.toString());
        assertTrue(!before.equals(Files.readString(data.resolve("secret.key"))), "a new key");
        assertEquals(1, run(Map.of("WARDNET_STORE_SECRET_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32])),
                "rotate-key", "--data", data.toString()), "a key given by the environment is not rotated here");
    }
}
