package org.wardnet.server.federation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.federation.Eventually.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.TestServer;

/**
 * A substation node probing its own camera and holding its own recordings, under a center that
 * probes nothing of it: the camera's state reaches the center with the node named; the node's
 * clips are listed at the center and played through it (Range kept, bytes equal to the file,
 * audited at both ends); when the link is cut the center raises one alarm and shows the camera
 * STALE with its last state, and when it returns the state is current and the alarm clears once.
 */
class NodeHealthAndFootageTest {

    private static final String FROM = "2026-11-29T13:00:00Z";
    private static final String TO = "2026-11-29T15:00:00Z";

    @TempDir
    Path centerDir;
    @TempDir
    Path nodeDir;

    @Test
    void healthAndFootageOfANodeAreSeenAtTheCenterAndALostLinkIsStaleNotOffline() throws Exception {
        try (TestServer center = TestServer.start(centerDir, c -> c
                .with(WardnetKeys.FEDERATION_STALE_AFTER_SECONDS, 2).with(WardnetKeys.HEALTH_ENABLED, false));
             LinkProxy link = LinkProxy.start(center.server.address())) {
            center.smallTree();
            String token = TestServer.json(center.postJson("/api/v1/nodes", "{\"id\":\"sub-one\",\"siteId\":\"S1\"}"))
                    .get("token").asText();
            int nodePort = freePort();
            Path recordings = Files.createDirectories(nodeDir.resolve("recordings"));
            UnaryOperator<WardnetConfig> asNode = c -> c
                    .with(WardnetKeys.SERVER_PORT, nodePort)
                    .with(WardnetKeys.FEDERATION_PARENT_URL, "http://127.0.0.1:" + link.port())
                    .with(WardnetKeys.FEDERATION_NODE_TOKEN, token)
                    .with(WardnetKeys.FEDERATION_PUBLIC_URL, "http://127.0.0.1:" + nodePort)
                    .with(WardnetKeys.FEDERATION_IDLE_MILLIS, 100)
                    .with(WardnetKeys.FEDERATION_HEARTBEAT_SECONDS, 1)
                    .with(WardnetKeys.FEDERATION_MAX_RETRY_SECONDS, 1)
                    .with(WardnetKeys.HEALTH_INTERVAL_SECONDS, 5)
                    .with(WardnetKeys.HEALTH_OFFLINE_AFTER_FAILURES, 1)
                    .with(WardnetKeys.HEALTH_OFFLINE_AFTER_SECONDS, 0);
            try (TestServer node = TestServer.start(nodeDir, asNode)) {
                await(() -> node.get("/api/v1/sites/S1").statusCode() == 200, "the node copies its ancestry");
                assertEquals(201, node.postJson("/api/v1/sites", "{\"id\":\"R9\",\"name\":\"Room 9\",\"tier\":\"ROOM\","
                        + "\"parentId\":\"S1\",\"kind\":\"BANK\"}").statusCode());
                // nothing listens on port 1: the node finds the camera down, the center must not probe it
                assertEquals(201, node.postJson("/api/v1/cameras", "{\"id\":\"z1\",\"siteId\":\"R9\",\"name\":\"Gate\","
                        + "\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/a\"}}")
                        .statusCode());
                await(() -> "OFFLINE".equals(state(center, "z1")), "the node's finding reaches the center");
                JsonNode health = TestServer.json(center.get("/api/v1/cameras/z1/health"));
                assertEquals("sub-one", health.path("reportedBy").path("node").asText(), health.toString());
                assertEquals("OFFLINE", health.path("reportedBy").path("lastKnownState").asText());

                byte[] file = Recordings.mp4(recordings.resolve("20261129T140000Z.mp4"));
                assertEquals(200, node.postJson("/api/v1/clips/import", "{\"directory\":\"" + recordings
                        + "\",\"cameraId\":\"z1\"}").statusCode());
                await(() -> clips(center).size() == 1, "the node's clip row reaches the center");
                long clipId = clips(center).get(0).get("id").asLong();
                assertEquals(clips(node).get(0).get("end").asText(), clips(center).get(0).get("end").asText());

                HttpResponse<byte[]> part = media(center, clipId, "bytes=100-299");
                assertEquals(206, part.statusCode());
                assertEquals("bytes 100-299/" + file.length, part.headers().firstValue("Content-Range").orElse(""));
                assertArrayEquals(Arrays.copyOfRange(file, 100, 300), part.body(), "the node's bytes, Range kept");
                HttpResponse<byte[]> whole = media(center, clipId, null);
                assertEquals(200, whole.statusCode());
                assertArrayEquals(file, whole.body());
                assertTrue(audit(node).contains("parent.access for admin"), "the node's trail names who asked");
                assertTrue(audit(center).contains("clips.media"), "and so does the center's");

                // a verification made at the node reaches the center; its snapshot is asked of the node
                assertEquals(201, node.postJson("/api/v1/cameras", TestServer.camera("z3", "R9")).statusCode());
                HttpResponse<String> verified = node.postJson("/api/v1/cameras/z3/verify", "");
                assertEquals(200, verified.statusCode(), verified.body());
                String checklist = node.get("/api/v1/cameras/z3/verification").body();
                await(() -> center.get("/api/v1/cameras/z3/verification").body().equals(checklist),
                        "the node's checklist at the center");
                HttpResponse<String> snapshot = center.get("/api/v1/cameras/z3/snapshot");
                assertEquals(404, snapshot.statusCode(), "the node took none (its camera does not answer)");
                assertTrue(snapshot.body().contains("node sub-one has no snapshot"), snapshot.body());

                // the end of the node's audit chain reaches the center, and matches the node's own trail there
                await(() -> TestServer.json(center.get("/api/v1/nodes/sub-one")).path("auditHead").path("seq")
                        .asLong() > 0, "the node's audit head reaches the center");
                JsonNode head = TestServer.json(center.get("/api/v1/nodes/sub-one")).get("auditHead");
                JsonNode entry = TestServer.json(node.get("/api/v1/audit?after=" + (head.get("seq").asLong() - 1)
                        + "&limit=1")).get("items").get(0);
                assertEquals(head.get("seq").asLong(), entry.get("seq").asLong());
                assertEquals(head.get("hash").asText(), entry.get("hash").asText(), "the node's entry, by its hash");

                link.cut();
                await(() -> "DOWN".equals(linkState(center)), "the center notices the silence");
                JsonNode stale = TestServer.json(center.get("/api/v1/cameras/z1/health"));
                assertEquals("STALE", stale.get("state").asText(), stale.toString());
                assertEquals("OFFLINE", stale.path("reportedBy").path("lastKnownState").asText(),
                        "with the last state the node reported");
                assertEquals(2, TestServer.json(center.get("/api/v1/health/summary?site=S1")).path("counts")
                        .path("STALE").asInt(), "both of the node's cameras");
                Thread.sleep(2_500); // longer than the stale limit again: still one alarm, not one per check

                link.restore();
                await(() -> "UP".equals(linkState(center)), "the link is back");
                await(() -> "OFFLINE".equals(state(center, "z1")), "and the state is current again");
                List<String> events = new ArrayList<>();
                for (JsonNode event : TestServer.json(center.get("/api/v1/nodes/sub-one")).get("linkEvents")) {
                    events.add(event.get("to").asText() + (event.get("alarm").asBoolean() ? " (alarm)" : ""));
                }
                assertEquals(List.of("REACHABLE", "UNREACHABLE (alarm)"), events, "one alarm, cleared once");
            }
        }
    }

    private static String state(TestServer server, String camera) throws Exception {
        HttpResponse<String> answer = server.get("/api/v1/cameras/" + camera + "/health");
        return answer.statusCode() == 200 ? TestServer.json(answer).get("state").asText() : null;
    }

    private static String linkState(TestServer center) throws Exception {
        return TestServer.json(center.get("/api/v1/nodes")).get("items").get(0).path("link").path("state").asText();
    }

    private static List<JsonNode> clips(TestServer server) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        TestServer.json(server.get("/api/v1/clips?camera=z1&from=" + FROM + "&to=" + TO)).get("items")
                .forEach(items::add);
        return items;
    }

    private static String audit(TestServer server) throws Exception {
        return server.get("/api/v1/audit?limit=200").body();
    }

    private static HttpResponse<byte[]> media(TestServer server, long id, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/api/v1/clips/" + id + "/media"))
                .header("Authorization", "Bearer " + server.adminToken());
        if (range != null) {
            request.header("Range", range);
        }
        return server.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
