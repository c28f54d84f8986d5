package org.wardnet.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.server.ServerStartException;
import org.wardnet.server.TestServer;
import org.wardnet.storage.stores.ScratchPostgres;

/**
 * Two Wardnet servers on one PostgreSQL database: the full one (probing, recording, holding the
 * store's lease) and one serving the API beside it ({@code server.role = api}). What one writes
 * the other answers; a token revoked through one is refused by the other; both append to one
 * audit chain; the camera states the full server records are what the other shows; a second
 * full server is refused, and so is an API server on H2.
 */
class SharedStoreServersTest {

    @TempDir
    Path dir;

    private ScratchPostgres postgres;
    private String url;

    @BeforeEach
    void startPostgres() throws Exception {
        postgres = ScratchPostgres.start();
        url = postgres.newDatabase();
    }

    @AfterEach
    void stopPostgres() throws Exception {
        postgres.close();
    }

    /** On the test's database, sharing the full server's credential key. */
    private UnaryOperator<WardnetConfig> onTheSharedStore(String role) {
        return config -> config.with(WardnetKeys.STORE_JDBC_URL, url)
                .with(WardnetKeys.STORE_USERNAME, ScratchPostgres.USER)
                .with(WardnetKeys.STORE_SECRET_KEY_FILE, dir.resolve("full").resolve("secret.key").toString())
                .with(WardnetKeys.SERVER_ROLE, role)
                .with(WardnetKeys.HEALTH_INTERVAL_SECONDS, 5)
                .with(WardnetKeys.HEALTH_OFFLINE_AFTER_FAILURES, 1)
                .with(WardnetKeys.HEALTH_OFFLINE_AFTER_SECONDS, 0);
    }

    @Test
    void aFullServerAndAnApiServerShareOneStore() throws Exception {
        try (TestServer full = TestServer.start(dir.resolve("full"), onTheSharedStore("FULL"));
                TestServer api = TestServer.start(dir.resolve("api"), onTheSharedStore("API"))) {
            // registry: written on either, answered by both
            full.smallTree();
            assertEquals(201, api.postJson("/api/v1/cameras", camera("cam-1", "R1")).statusCode());
            assertEquals("Camera cam-1", await(() -> full.get("/api/v1/cameras/cam-1"), 200).path("name").asText(),
                    "a camera registered through the API server is held by the full server");
            assertEquals("S2", await(() -> api.get("/api/v1/sites/R2"), 200).path("parentId").asText(),
                    "the sites made on the full server are answered by the API server");

            // health: the full server probes (the camera's port refuses), the API server shows what it records
            String state = awaitState(full, "cam-1");
            assertEquals(state, awaitSameState(api, "cam-1", state),
                    "the API server shows the state the full server recorded");

            // a token revoked on one server is refused by the other
            String ann = full.userWith("ann", "operator@*");
            java.net.http.HttpResponse<String> seenByApi = api.sendAs(ann, HttpRequest.newBuilder(api.uri("/api/v1/cameras/cam-1")));
            assertEquals(200, seenByApi.statusCode(), seenByApi.body());
            assertEquals(204, full.sendAs(ann, HttpRequest.newBuilder(full.uri("/api/v1/logout"))
                    .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
            assertEquals(401, awaitStatus(() -> api.sendAs(ann, HttpRequest.newBuilder(api.uri("/api/v1/cameras/cam-1")))
                    .statusCode(), 401), "the API server refuses a token revoked on the full server");

            // a child node's push is the full server's to take: the API server refuses it, saying why
            String node = TestServer.json(full.postJson("/api/v1/nodes", "{\"id\":\"sub-one\",\"siteId\":\"S1\"}"))
                    .get("token").asText();
            java.net.http.HttpResponse<String> push = api.sendAs(node, HttpRequest.newBuilder(
                    api.uri("/api/v1/sync/changes")).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString("")));
            assertEquals(409, push.statusCode(), push.body());
            assertTrue(push.body().contains("server.role"), push.body());

            // the audit trail: both servers appended, one chain
            JsonNode trail = TestServer.json(api.get("/api/v1/audit?limit=1000"));
            boolean fromFull = false;
            boolean fromApi = false;
            String previous = AuditChain.GENESIS;
            long seq = 0;
            for (JsonNode entry : trail.path("items")) {
                assertEquals(++seq, entry.path("seq").asLong(), "one sequence, no gap");
                assertEquals(previous, entry.path("previousHash").asText(), "each entry links to the one before");
                previous = entry.path("hash").asText();
                fromFull |= entry.path("target").asText().equals("/api/v1/sites"); // made through the full server
                fromApi |= entry.path("target").asText().equals("/api/v1/cameras"); // through the API server
            }
            assertTrue(fromFull && fromApi, "the trail holds both servers' entries: " + trail);
        }
    }

    @Test
    void aSecondFullServerAndAnApiServerOnH2AreRefused() throws Exception {
        try (TestServer full = TestServer.start(dir.resolve("full"), onTheSharedStore("FULL"))) {
            RuntimeException second = assertThrows(RuntimeException.class,
                    () -> TestServer.start(dir.resolve("second"), onTheSharedStore("FULL")));
            assertTrue(second.getMessage().contains("lease"), second.getMessage());
        }
        ServerStartException h2 = assertThrows(ServerStartException.class, () -> TestServer.start(dir.resolve("h2"),
                config -> config.with(WardnetKeys.STORE_JDBC_URL, "").with(WardnetKeys.SERVER_ROLE, "API")));
        assertTrue(h2.getMessage().contains("server.role"), h2.getMessage());
        ServerStartException node = assertThrows(ServerStartException.class, () -> TestServer.start(
                dir.resolve("node"), onTheSharedStore("API").andThen(config -> config.with(
                        WardnetKeys.FEDERATION_PARENT_URL, "https://127.0.0.1:1"))::apply));
        assertTrue(node.getMessage().contains("federation.parentUrl"), node.getMessage());
    }

    private static String camera(String id, String site) {
        return "{\"id\":\"" + id + "\",\"siteId\":\"" + site + "\",\"name\":\"Camera " + id + "\","
                + "\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/main\"}}";
    }

    private interface Answer {
        java.net.http.HttpResponse<String> get() throws Exception;
    }

    private interface Status {
        int get() throws Exception;
    }

    /** The body of the first answer with {@code status}, polled for up to 20 s; fails with the last answer. */
    private static JsonNode await(Answer answer, int status) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        java.net.http.HttpResponse<String> seen = answer.get();
        while (seen.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = answer.get();
        }
        assertEquals(status, seen.statusCode(), seen.body());
        return TestServer.json(seen);
    }

    private static int awaitStatus(Status status, int wanted) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        int seen = status.get();
        while (seen != wanted && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = status.get();
        }
        return seen;
    }

    /** The camera's first state other than UNKNOWN on {@code server}, polled for up to 60 s. */
    private static String awaitState(TestServer server, String camera) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String state = "UNKNOWN";
        while (state.equals("UNKNOWN") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            state = TestServer.json(server.get("/api/v1/cameras/" + camera + "/health")).path("state").asText();
        }
        return state;
    }

    private static String awaitSameState(TestServer server, String camera, String wanted) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String state = TestServer.json(server.get("/api/v1/cameras/" + camera + "/health")).path("state").asText();
        while (!state.equals(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            state = TestServer.json(server.get("/api/v1/cameras/" + camera + "/health")).path("state").asText();
        }
        return state;
    }
}
