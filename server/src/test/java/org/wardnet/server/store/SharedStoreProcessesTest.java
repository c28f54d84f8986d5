package org.wardnet.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.server.ChildServer;
import org.wardnet.server.TestServer;
import org.wardnet.storage.stores.ScratchPostgres;

/**
 * Two {@code wardnet serve} processes on one PostgreSQL database, as a center runs them: a full
 * server and an API server ({@code server.role=API}). Each one's writes (sites, cameras, clips in
 * the same hour) are answered by the other; a session ended on one is refused by the other; the
 * audit trail is one chain with both writing. Then the full server is killed with SIGKILL: the API
 * server keeps answering and taking writes, and a full server started again takes the store's
 * lease at once and holds everything either process acknowledged.
 */
class SharedStoreProcessesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String HOUR = "2026-11-30T08";

    @TempDir
    Path dir;

    private ScratchPostgres postgres;
    private String url;
    private final List<ChildServer> started = new ArrayList<>();

    @BeforeEach
    void startPostgres() throws Exception {
        postgres = ScratchPostgres.start();
        url = postgres.newDatabase();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (ChildServer server : started) {
            server.kill();
        }
        postgres.close();
    }

    private ChildServer serve(String name, String role) throws Exception {
        ChildServer server = ChildServer.start(List.of(), List.of("--data", dir.resolve(name).toString(),
                "--set", "store.jdbcUrl=" + url, "--set", "store.username=" + ScratchPostgres.USER,
                "--set", "store.secretKeyFile=" + dir.resolve("full").resolve("secret.key"),
                "--set", "server.role=" + role), dir.resolve(name + ".log"));
        started.add(server);
        return server;
    }

    @Test
    void twoProcessesShareOneStoreAndTheApiServerOutlivesAKilledFullServer() throws Exception {
        ChildServer full = serve("full", "FULL");
        ChildServer api = serve("api", "API");

        // registry: sites made through the full server, a camera through the API server
        for (String site : new String[] {
            "{\"id\":\"C\",\"name\":\"Center\",\"tier\":\"CENTER\"}",
            "{\"id\":\"S1\",\"name\":\"Sub 1\",\"tier\":\"SUBSTATION\",\"parentId\":\"C\"}",
            "{\"id\":\"R1\",\"name\":\"Room 1\",\"tier\":\"ROOM\",\"parentId\":\"S1\",\"kind\":\"BANK\"}"}) {
            ChildServer.json("POST", full.base() + "/api/v1/sites", site);
        }
        ChildServer.json("POST", api.base() + "/api/v1/cameras", TestServer.camera("cam-1", "R1"));
        assertEquals(200, awaitStatus(full.base() + "/api/v1/cameras/cam-1", 200),
                "a camera registered through the API process is answered by the full process");
        assertEquals(200, awaitStatus(api.base() + "/api/v1/sites/R1", 200),
                "a site made through the full process is answered by the API process");

        // clips: one indexed through each process in the same hour, both answered by either
        ChildServer.json("POST", full.base() + "/api/v1/clips", clip("cam-1", ":00:00", ":01:00"));
        ChildServer.json("POST", api.base() + "/api/v1/clips", clip("cam-1", ":01:00", ":02:00"));
        assertEquals(2, awaitClips(api, "cam-1", 2), "the API process answers both clips");
        assertEquals(2, awaitClips(full, "cam-1", 2), "the full process answers both clips");

        // a session ended through the API process is refused by the full process
        String session = login(api.base());
        assertEquals(200, as(session, "GET", full.base() + "/api/v1/cameras/cam-1").statusCode());
        assertEquals(204, as(session, "POST", api.base() + "/api/v1/logout").statusCode());
        assertEquals(401, awaitStatusAs(session, full.base() + "/api/v1/cameras/cam-1", 401),
                "the full process refuses a session ended on the API process");

        // the full server dies without a word; the API server keeps answering and writing
        ChildServer.json("POST", full.base() + "/api/v1/clips", clip("cam-1", ":02:00", ":03:00"));
        full.kill();
        assertEquals(200, ChildServer.request("GET", api.base() + "/api/v1/cameras/cam-1", null, null).statusCode());
        assertEquals(3, awaitClips(api, "cam-1", 3), "the clip acknowledged just before the kill is held");
        ChildServer.json("POST", api.base() + "/api/v1/cameras", TestServer.camera("cam-2", "R1"));
        ChildServer.json("POST", api.base() + "/api/v1/clips", clip("cam-2", ":03:00", ":04:00"));

        // a full server started again takes the lease at once and holds what both acknowledged
        ChildServer.forget(full.base());
        ChildServer again = serve("full", "FULL");
        assertEquals(200, ChildServer.request("GET", again.base() + "/api/v1/cameras/cam-2", null, null).statusCode());
        assertEquals(3, awaitClips(again, "cam-1", 3));
        assertEquals(1, awaitClips(again, "cam-2", 1), "a clip indexed while the full server was down");
        ChildServer.json("POST", again.base() + "/api/v1/clips", clip("cam-2", ":04:00", ":05:00"));
        assertEquals(2, awaitClips(api, "cam-2", 2), "the API process answers the new full process's clip");

        // one audit chain, written by the three processes
        JsonNode trail = ChildServer.json("GET", api.base() + "/api/v1/audit?limit=1000", null);
        String previous = AuditChain.GENESIS;
        long seq = 0;
        int clipEntries = 0;
        for (JsonNode entry : trail.path("items")) {
            assertEquals(++seq, entry.path("seq").asLong(), "one sequence, no gap");
            assertEquals(previous, entry.path("previousHash").asText(), "each entry links to the one before");
            previous = entry.path("hash").asText();
            clipEntries += entry.path("target").asText().equals("/api/v1/clips") ? 1 : 0;
        }
        assertEquals(5, clipEntries, "every clip indexed through any process is in the trail: " + trail);
    }

    private static String clip(String camera, String from, String to) {
        return "{\"cameraId\":\"" + camera + "\",\"start\":\"" + HOUR + from + "Z\",\"end\":\"" + HOUR + to
                + "Z\",\"mediaUrl\":\"http://127.0.0.1:1/" + camera + from.replace(":", "") + ".mp4\"}";
    }

    /** How many clips of {@code camera} in the test's hour {@code server} answers, polled until {@code wanted} (20 s). */
    private static int awaitClips(ChildServer server, String camera, int wanted) throws Exception {
        String page = server.base() + "/api/v1/clips?camera=" + camera + "&from=" + HOUR + ":00:00Z&to=" + HOUR
                + ":59:00Z";
        long deadline = System.nanoTime() + 20_000_000_000L;
        int seen = ChildServer.json("GET", page, null).path("items").size();
        while (seen != wanted && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = ChildServer.json("GET", page, null).path("items").size();
        }
        return seen;
    }

    private static int awaitStatus(String url, int wanted) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        int seen = ChildServer.request("GET", url, null, null).statusCode();
        while (seen != wanted && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = ChildServer.request("GET", url, null, null).statusCode();
        }
        return seen;
    }

    private static int awaitStatusAs(String token, String url, int wanted) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        int seen = as(token, "GET", url).statusCode();
        while (seen != wanted && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = as(token, "GET", url).statusCode();
        }
        return seen;
    }

    /** A new session of the administrator, opened at {@code base}. */
    private static String login(String base) throws Exception {
        HttpResponse<String> login = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user\":\"admin\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        return JSON.readTree(login.body()).get("token").asText();
    }

    private static HttpResponse<String> as(String token, String method, String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
