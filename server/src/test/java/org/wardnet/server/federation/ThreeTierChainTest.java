package org.wardnet.server.federation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wardnet.server.federation.Eventually.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.TestServer;

/**
 * Room → substation → center, three servers with their own stores: what the room registers,
 * finds and records reaches the center through the substation, and the room's footage plays at
 * the center (the center asks the substation, which asks the room), and follow at the center from
 * the room's camera names the room's next camera with footage that plays there. When the room's
 * link to the substation is cut, the center too shows the room's camera STALE, on the substation's report.
 */
class ThreeTierChainTest {

    @TempDir
    Path centerDir;
    @TempDir
    Path subDir;
    @TempDir
    Path roomDir;

    @Test
    void aRoomsChangesAndFootageReachTheCenterThroughItsSubstation() throws Exception {
        try (TestServer center = TestServer.start(centerDir, c -> c.with(WardnetKeys.HEALTH_ENABLED, false))) {
            center.smallTree();
            int subPort = freePort();
            try (TestServer sub = TestServer.start(subDir, asNode(center.server.address().getPort(), subPort,
                    token(center, "sub-one", "S1")).andThen(c -> c.with(WardnetKeys.HEALTH_ENABLED, false)
                    .with(WardnetKeys.FEDERATION_STALE_AFTER_SECONDS, 2))::apply)) {
                await(() -> sub.get("/api/v1/sites/S1").statusCode() == 200, "the substation copies its ancestry");
                assertEquals(201, sub.postJson("/api/v1/sites", "{\"id\":\"R9\",\"name\":\"Room 9\",\"tier\":\"ROOM\","
                        + "\"parentId\":\"S1\",\"kind\":\"BANK\"}").statusCode());
                int roomPort = freePort();
                try (LinkProxy roomLink = LinkProxy.start(sub.server.address());
                     TestServer room = TestServer.start(roomDir, asNode(roomLink.port(), roomPort,
                             token(sub, "room-nine", "R9")).andThen(c -> c
                             .with(WardnetKeys.HEALTH_INTERVAL_SECONDS, 5)
                             .with(WardnetKeys.HEALTH_OFFLINE_AFTER_FAILURES, 1)
                             .with(WardnetKeys.HEALTH_OFFLINE_AFTER_SECONDS, 0))::apply)) {
                    await(() -> room.get("/api/v1/sites/R9").statusCode() == 200, "the room copies its ancestry");
                    assertEquals("S1", TestServer.json(room.get("/api/v1/sites/R9")).get("parentId").asText());
                    assertEquals(201, room.postJson("/api/v1/cameras", "{\"id\":\"z1\",\"siteId\":\"R9\",\"name\":\"Gate\","
                            + "\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/a\"}}")
                            .statusCode());
                    await(() -> "OFFLINE".equals(state(center, "z1")), "the room's finding reaches the center");
                    assertEquals("sub-one", TestServer.json(center.get("/api/v1/cameras/z1/health"))
                            .path("reportedBy").path("node").asText(), "the center knows its own child");

                    Path recordings = Files.createDirectories(roomDir.resolve("recordings"));
                    byte[] file = Recordings.mp4(recordings.resolve("20261129T140000Z.mp4"));
                    assertEquals(200, room.postJson("/api/v1/clips/import", "{\"directory\":\"" + recordings
                            + "\",\"cameraId\":\"z1\"}").statusCode());
                    await(() -> clips(center).size() == 1, "the room's clip row reaches the center");
                    JsonNode coverage = TestServer.json(center.get("/api/v1/coverage?site=S1"
                            + "&from=2026-11-29T14:00:01Z&to=2026-11-29T14:00:02Z"));
                    assertEquals(1, coverage.get("camerasWithFootage").asInt(), coverage.toString());
                    assertEquals("z1", coverage.get("cameras").get(0).get("id").asText());
                    HttpResponse<byte[]> played = center.client().send(HttpRequest.newBuilder(center.uri(
                            "/api/v1/clips/" + clips(center).get(0).get("id").asLong() + "/media"))
                            .header("Authorization", "Bearer " + center.adminToken()).header("Range", "bytes=0-")
                            .build(), HttpResponse.BodyHandlers.ofByteArray());
                    assertEquals(206, played.statusCode());
                    assertArrayEquals(file, played.body(), "the room's bytes, through two relays");

                    assertEquals(201, room.postJson("/api/v1/cameras", "{\"id\":\"z2\",\"siteId\":\"R9\",\"name\":\"Lane\","
                            + "\"location\":{\"lat\":29.87,\"lon\":121.5505},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/b\"}}")
                            .statusCode());
                    Path later = Files.createDirectories(roomDir.resolve("recordings-z2"));
                    byte[] lane = Recordings.mp4(later.resolve("20261129T140040Z.mp4"));
                    assertEquals(200, room.postJson("/api/v1/clips/import", "{\"directory\":\"" + later
                            + "\",\"cameraId\":\"z2\"}").statusCode());
                    await(() -> clipCount(center, "z2") == 1, "z2 and its clip at the center");
                    // follow at the center, from the room's camera: the next camera and its footage, held by the room
                    JsonNode next = TestServer.json(center.postJson("/api/v1/track/follow", "{\"cameraId\":\"z1\","
                            + "\"time\":\"2026-11-29T14:00:01Z\",\"mode\":\"WALK\"}")).get("candidates").get(0);
                    assertEquals("z2", next.get("cameraId").asText(), next.toString());
                    HttpResponse<byte[]> seen = center.client().send(HttpRequest.newBuilder(center.uri(
                            "/api/v1/clips/" + next.get("clips").get(0).get("id").asLong() + "/media"))
                            .header("Authorization", "Bearer " + center.adminToken()).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    assertArrayEquals(lane, seen.body(), "the candidate's footage plays through the center");

                    roomLink.cut();
                    await(() -> "STALE".equals(state(sub, "z1")), "the substation sees its room go silent");
                    await(() -> "STALE".equals(state(center, "z1")), "and the center hears it from the substation");
                    roomLink.restore();
                    await(() -> "OFFLINE".equals(state(center, "z1")), "the state is current again at the center");
                }
            }
        }
    }

    private static UnaryOperator<WardnetConfig> asNode(int parentPort, int ownPort, String token) {
        return c -> c.with(WardnetKeys.SERVER_PORT, ownPort)
                .with(WardnetKeys.FEDERATION_PARENT_URL, "http://127.0.0.1:" + parentPort)
                .with(WardnetKeys.FEDERATION_NODE_TOKEN, token)
                .with(WardnetKeys.FEDERATION_PUBLIC_URL, "http://127.0.0.1:" + ownPort)
                .with(WardnetKeys.FEDERATION_IDLE_MILLIS, 100)
                .with(WardnetKeys.FEDERATION_HEARTBEAT_SECONDS, 1)
                .with(WardnetKeys.FEDERATION_MAX_RETRY_SECONDS, 1);
    }

    private static String token(TestServer parent, String node, String site) throws Exception {
        HttpResponse<String> made = parent.postJson("/api/v1/nodes", "{\"id\":\"" + node + "\",\"siteId\":\"" + site
                + "\"}");
        assertEquals(201, made.statusCode(), made.body());
        return TestServer.json(made).get("token").asText();
    }

    private static String state(TestServer server, String camera) throws Exception {
        HttpResponse<String> answer = server.get("/api/v1/cameras/" + camera + "/health");
        return answer.statusCode() == 200 ? TestServer.json(answer).get("state").asText() : null;
    }

    /** The camera's clips in the test's window; -1 while the server does not know the camera. */
    private static int clipCount(TestServer server, String camera) throws Exception {
        HttpResponse<String> page = server.get("/api/v1/clips?camera=" + camera
                + "&from=2026-11-29T13:00:00Z&to=2026-11-29T15:00:00Z");
        return page.statusCode() == 200 ? TestServer.json(page).get("items").size() : -1;
    }

    private static List<JsonNode> clips(TestServer server) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        TestServer.json(server.get("/api/v1/clips?camera=z1&from=2026-11-29T13:00:00Z&to=2026-11-29T15:00:00Z"))
                .get("items").forEach(items::add);
        return items;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
