package org.wardnet.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.OpenApiAssertions.assertFits;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.routes.Access;
import org.wardnet.server.routes.Endpoint;
import org.wardnet.server.routes.Operation;
import org.wardnet.storage.Database;

/**
 * Footage requests and registry changes land in the trail with their result, reads of the
 * registry do not, every route has a decision, and `wardnet audit verify` finds one changed byte.
 */
class AuditTrailTest extends ApiTestBase {

    private List<String> actions(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(e -> out.add(e.get("action").asText() + " " + e.get("result").asInt()));
        return out;
    }

    @Test
    void footageAndChangesAreRecordedWithTheirResult() throws Exception {
        int before = TestServer.json(api.get("/api/v1/audit?limit=1000")).get("items").size();
        assertEquals(6, before, "the administrator's login and the five site creations of the test tree; a read of"
                + " the trail is recorded once answered");
        assertEquals(201, api.postJson("/api/v1/cameras", TestServer.camera("a", "R1")).statusCode());
        api.get("/api/v1/cameras/a"); // a registry read: not recorded
        api.get("/api/v1/clips?camera=a&from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z");
        api.get("/api/v1/clips/999/media");
        api.postJson("/api/v1/track/follow", "{\"cameraId\":\"nobody\",\"time\":\"2026-11-29T14:00:00Z\",\"mode\":\"WALK\"}");
        JsonNode page = TestServer.json(api.get("/api/v1/audit?after=" + before));
        assertFits(api, "AuditPage", page);
        assertEquals(List.of("audit.read 200", "camera.create 201", "clips.list 200", "clips.media 404",
                "track.follow 404"), actions(page));
        JsonNode listed = page.get("items").get(2);
        assertFits(api, "AuditEntry", listed);
        assertEquals("/api/v1/clips?camera=a&from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z",
                listed.get("target").asText());
        assertEquals("127.0.0.1", listed.get("address").asText());
        assertEquals("admin", listed.get("actor").asText());
        assertEquals("*", listed.get("scope").asText(), "the administrator's grant covers the district");
        assertEquals(page.get("items").get(1).get("hash").asText(), listed.get("previousHash").asText());
    }

    @Test
    void verifyHoldsAndThenFindsTheOneChangedByte() throws Exception {
        api.get("/api/v1/clips?camera=x&from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z");
        api.close();
        assertEquals(0, verify(), output.toString(StandardCharsets.UTF_8));
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("audit trail holds: 7 entries"), output.toString());
        WardnetConfig config = TestServer.onTheStoreAsked(WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR,
                dir.toString()));
        boolean journaled = AuditStores.journaled(config); // the embedded store keeps the entries in its journal
        if (journaled) {
            rewriteJournal("camera=x", "camera=y", true);
        } else {
            try (Database db = Database.open(config); Connection c = db.dataSource().getConnection()) {
                rewriteBlockHolding(c, 7, "camera=x", "camera=y", true);
            }
        }
        output.reset();
        assertEquals(3, verify());
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("broken at entry 7"), output.toString());

        if (journaled) { // bytes changed, checksums left as they were: the journal's readable part ends before entry 7
            rewriteJournal("camera=y", "camera=z", false);
            output.reset();
            assertEquals(3, verify());
            assertTrue(output.toString(StandardCharsets.UTF_8).contains("entry 7 records a loss: entries 7-7 indexed,"
                    + " then missing from the journal"), output.toString());
            try (var files = Files.list(dir.resolve("audit-journal"))) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().contains(".cut-at-")),
                        "the bytes cut off are kept beside the segment");
            }
        } else {
            try (Database db = Database.open(config); Connection c = db.dataSource().getConnection()) {
                rewriteBlockHolding(c, 7, "camera=y", "camera=z", false);
            }
            output.reset();
            assertEquals(3, verify());
            assertTrue(output.toString(StandardCharsets.UTF_8).matches("(?s).*broken at entry \\d+: the block of entries"
                    + " from it no longer decodes.*"), output.toString());
        }
        api = TestServer.start(dir, this::configure); // for the base class to stop
    }

    /**
     * Changes text inside the audit journal's segment that holds it, the way someone with write
     * access to the server's files could: same length, and with {@code fixChecksums} each record's
     * checksum made to match again, so only the hash chain can tell.
     */
    private void rewriteJournal(String from, String to, boolean fixChecksums) throws Exception {
        Path segment;
        try (var files = Files.list(dir.resolve("audit-journal"))) {
            segment = files.filter(f -> f.toString().endsWith(".audit")).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(from);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).findFirst().orElseThrow(() -> new AssertionError("no journal segment holds " + from));
        }
        String text = new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1);
        byte[] changed = text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer records = java.nio.ByteBuffer.wrap(changed);
        while (fixChecksums && records.remaining() >= 8 && records.getInt(records.position()) > 0) {
            int length = records.getInt(records.position()); // each record: payload length, CRC32C, payload
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(changed, records.position() + 8, length);
            records.putInt(records.position() + 4, (int) crc.getValue());
            records.position(records.position() + 8 + length);
        }
        Files.write(segment, changed);
    }

    /**
     * Changes text inside the stored block that holds entry {@code seq} the way someone with write
     * access to the database could: same length, and with {@code fixChecksums} each record's
     * checksum made to match again, so only the hash chain can tell.
     */
    private static void rewriteBlockHolding(Connection c, long seq, String from, String to, boolean fixChecksums)
            throws Exception {
        byte[] block;
        long first;
        try (java.sql.PreparedStatement select = c.prepareStatement(
                "SELECT first_seq, entries FROM audit_block WHERE first_seq <= ? AND last_seq >= ?")) {
            select.setLong(1, seq);
            select.setLong(2, seq);
            try (java.sql.ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "a block holds entry " + seq);
                first = row.getLong(1);
                block = row.getBytes(2);
            }
        }
        String text = new String(block, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(from), "the block holds " + from);
        byte[] changed = text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer records = java.nio.ByteBuffer.wrap(changed);
        while (fixChecksums && records.hasRemaining()) { // each record: payload length, CRC32C of the payload, payload
            int length = records.getInt(records.position());
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(changed, records.position() + 8, length);
            records.putInt(records.position() + 4, (int) crc.getValue());
            records.position(records.position() + 8 + length);
        }
        try (java.sql.PreparedStatement update = c.prepareStatement(
                "UPDATE audit_block SET entries = ? WHERE first_seq = ?")) {
            update.setBytes(1, changed);
            update.setLong(2, first);
            assertEquals(1, update.executeUpdate());
        }
    }

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int verify() {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "verify"));
        args.addAll(TestServer.storeOptions(dir));
        return org.wardnet.server.cli.CliAccess.run(args.toArray(String[]::new),
                new PrintStream(output, true, StandardCharsets.UTF_8), java.util.Map.of());
    }

    @Test
    void everyRouteHasADecisionAndAnUndecidedOneStopsTheServer() {
        Auditing auditing = new Auditing(null, error -> null, java.time.Clock.systemUTC());
        List<Endpoint> endpoints = api.server.endpoints();
        assertEquals(endpoints.size(), auditing.apply(endpoints).size());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Endpoint.of(HttpMethod.GET,
                "/api/v1/something-new", request -> CompletableFuture.completedFuture(ApiResponse.noContent()),
                Access.PUBLIC, null, Operation.doc("ops", "new")));
        assertTrue(e.getMessage().contains("GET /api/v1/something-new"), e.getMessage());
    }
}
