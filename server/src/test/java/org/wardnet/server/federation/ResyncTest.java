package org.wardnet.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wardnet.server.federation.Eventually.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.TestServer;

/**
 * The two ways a parent can lack part of a child's journal, mended by a full re-send: a child
 * restored from an older backup (the parent had applied numbers the restored child had not
 * reached, and holds records the child no longer has), and a parent wiped and set up again (the
 * child had pruned what the parent had acknowledged). Either way the parent ends with exactly the
 * child's cameras and clips.
 */
class ResyncTest {

    @TempDir
    Path centerDir;
    @TempDir
    Path nodeDir;
    @TempDir
    Path backupDir;

    @Test
    void aChildRestoredFromAnOlderBackupIsWhatTheParentEndsWith() throws Exception {
        try (TestServer center = TestServer.start(centerDir, c -> c.with(WardnetKeys.HEALTH_ENABLED, false))) {
            center.smallTree();
            UnaryOperator<WardnetConfig> asNode = asNode(center.server.address().getPort(), register(center));
            try (TestServer node = TestServer.start(nodeDir, asNode)) {
                await(() -> node.get("/api/v1/sites/S1").statusCode() == 200, "the node copies its ancestry");
                assertEquals(201, node.postJson("/api/v1/sites", "{\"id\":\"R9\",\"name\":\"Room 9\",\"tier\":\"ROOM\","
                        + "\"parentId\":\"S1\",\"kind\":\"BANK\"}").statusCode());
                assertEquals(201, node.postJson("/api/v1/cameras", TestServer.camera("c1", "R9")).statusCode());
                assertEquals(201, node.postJson("/api/v1/cameras", TestServer.camera("c2", "R9")).statusCode());
                importOneClip(node, "c1");
                await(() -> cameras(center).equals(cameras(node)) && clips(center, "c1") == 1, "synced");
            }
            DataDirs.copy(nodeDir, backupDir); // the backup: c1, c2 and c1's clip
            try (TestServer node = TestServer.start(nodeDir, asNode)) {
                assertEquals(201, node.postJson("/api/v1/cameras", TestServer.camera("c3", "R9")).statusCode());
                assertEquals(204, node.delete("/api/v1/cameras/c2").statusCode());
                await(() -> cameras(center).equals(new TreeSet<>(List.of("c1", "c3"))), "after the backup");
            }
            DataDirs.delete(nodeDir, true);
            DataDirs.copy(backupDir, nodeDir);
            try (TestServer node = TestServer.start(nodeDir, asNode)) {
                assertEquals(201, node.postJson("/api/v1/cameras", TestServer.camera("c4", "R9")).statusCode());
                await(() -> cameras(center).equals(new TreeSet<>(List.of("c1", "c2", "c4"))),
                        "the parent ends with the restored child's cameras and the new one",
                        () -> "the parent has " + cameras(center) + ", the child " + cameras(node));
                assertEquals(cameras(node), cameras(center));
                assertEquals(1, clips(center, "c1"), "its clip once, not twice");
                assertEquals(201, node.postJson("/api/v1/cameras", TestServer.camera("c5", "R9")).statusCode());
                await(() -> cameras(center).contains("c5"), "and what follows is numbered past the parent's mark");
            }
        }
    }

    @Test
    void aWipedParentIsRefilledByItsChild() throws Exception {
        int centerPort = freePort();
        UnaryOperator<WardnetConfig> asCenter = c -> c.with(WardnetKeys.HEALTH_ENABLED, false)
                .with(WardnetKeys.SERVER_PORT, centerPort);
        String token;
        try (TestServer center = TestServer.start(centerDir, asCenter)) {
            center.smallTree();
            token = register(center);
            try (TestServer node = TestServer.start(nodeDir, asNode(centerPort, token))) {
                await(() -> node.get("/api/v1/sites/S1").statusCode() == 200, "the node copies its ancestry");
                assertEquals(201, node.postJson("/api/v1/sites", "{\"id\":\"R9\",\"name\":\"Room 9\",\"tier\":\"ROOM\","
                        + "\"parentId\":\"S1\",\"kind\":\"BANK\"}").statusCode());
                for (String id : new String[] {"c1", "c2", "c3"}) {
                    assertEquals(201, node.postJson("/api/v1/cameras", TestServer.camera(id, "R9")).statusCode());
                }
                importOneClip(node, "c2");
                await(() -> cameras(center).size() == 3 && clips(center, "c2") == 1, "synced");
            }
        }
        DataDirs.delete(centerDir, true);
        try (TestServer center = TestServer.start(centerDir, asCenter)) {
            center.smallTree();
            String again = register(center); // the wiped center knows no node: its administrator registers it anew
            try (TestServer node = TestServer.start(nodeDir, asNode(centerPort, again))) {
                await(() -> cameras(center).equals(cameras(node)) && clips(center, "c2") == 1,
                        "the wiped center holds the node's cameras and clips again");
                assertEquals("Room 9", TestServer.json(center.get("/api/v1/sites/R9")).get("name").asText());
            }
        }
    }

    private static UnaryOperator<WardnetConfig> asNode(int parentPort, String token) {
        return c -> c.with(WardnetKeys.FEDERATION_PARENT_URL, "http://127.0.0.1:" + parentPort)
                .with(WardnetKeys.FEDERATION_NODE_TOKEN, token)
                .with(WardnetKeys.FEDERATION_IDLE_MILLIS, 100)
                .with(WardnetKeys.FEDERATION_MAX_RETRY_SECONDS, 1)
                .with(WardnetKeys.HEALTH_ENABLED, false);
    }

    private static String register(TestServer center) throws Exception {
        HttpResponse<String> made = center.postJson("/api/v1/nodes", "{\"id\":\"sub-one\",\"siteId\":\"S1\"}");
        assertEquals(201, made.statusCode(), made.body());
        return TestServer.json(made).get("token").asText();
    }

    private void importOneClip(TestServer node, String camera) throws Exception {
        Path recordings = Files.createDirectories(nodeDir.resolve("recordings-" + camera));
        Recordings.mp4(recordings.resolve("20261129T140000Z.mp4"));
        HttpResponse<String> imported = node.postJson("/api/v1/clips/import", "{\"directory\":\"" + recordings
                + "\",\"cameraId\":\"" + camera + "\"}");
        assertEquals(200, imported.statusCode(), imported.body());
    }

    private static TreeSet<String> cameras(TestServer server) throws Exception {
        TreeSet<String> ids = new TreeSet<>();
        for (JsonNode camera : TestServer.json(server.get("/api/v1/cameras?site=S1&limit=1000")).get("items")) {
            ids.add(camera.get("id").asText());
        }
        return ids;
    }

    private static int clips(TestServer server, String camera) throws Exception {
        HttpResponse<String> page = server.get("/api/v1/clips?camera=" + camera
                + "&from=2026-11-29T13:00:00Z&to=2026-11-29T15:00:00Z");
        return page.statusCode() == 200 ? TestServer.json(page).get("items").size() : -1;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
