package org.wardnet.server.federation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wardnet.server.federation.Eventually.await;

import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.TestServer;

/**
 * Nodes over TLS, each pinning the other's certificate: the node trusts only the center's
 * certificate file, and the center only the certificate the node announced. A node configured
 * with another certificate for its parent (an impostor's, as far as it can tell) never syncs.
 */
class NodeTlsTest {

    @TempDir
    Path centerDir;
    @TempDir
    Path nodeDir;
    @TempDir
    Path otherDir;

    @Test
    void nodesTalkOverPinnedTlsAndRefuseAnotherCertificate() throws Exception {
        try (TestServer center = TestServer.start(centerDir, c -> c.with(WardnetKeys.SERVER_TLS_SELF_SIGNED, true)
                .with(WardnetKeys.HEALTH_ENABLED, false))) {
            center.smallTree();
            String token = TestServer.json(center.postJson("/api/v1/nodes", "{\"id\":\"sub-one\",\"siteId\":\"S1\"}"))
                    .get("token").asText();
            Path centerCertificate = centerDir.resolve("tls").resolve("cert.pem");

            // pinned to a certificate that is not the center's: the handshake fails, nothing crosses
            try (TestServer other = TestServer.start(otherDir, c -> c.with(WardnetKeys.SERVER_TLS_SELF_SIGNED, true));
                 TestServer misled = TestServer.start(nodeDir.resolve("misled"), asNode(center, token,
                         otherDir.resolve("tls").resolve("cert.pem"), 0))) {
                Thread.sleep(3_000);
                assertEquals(404, misled.get("/api/v1/sites/S1").statusCode(), "no ancestry from an unpinned peer");
                assertEquals(0, TestServer.json(center.get("/api/v1/nodes/sub-one")).path("ackedSeq").asLong());
            }

            int port = freePort();
            try (TestServer node = TestServer.start(nodeDir.resolve("node"), asNode(center, token, centerCertificate,
                    port))) {
                await(() -> node.get("/api/v1/sites/S1").statusCode() == 200, "the node copies its ancestry over TLS");
                assertEquals(201, node.postJson("/api/v1/sites", "{\"id\":\"R9\",\"name\":\"Room 9\",\"tier\":\"ROOM\","
                        + "\"parentId\":\"S1\",\"kind\":\"BANK\"}").statusCode());
                assertEquals(201, node.postJson("/api/v1/cameras", TestServer.camera("t1", "R9")).statusCode());
                Path recordings = Files.createDirectories(nodeDir.resolve("node").resolve("recordings"));
                byte[] file = Recordings.mp4(recordings.resolve("20261129T140000Z.mp4"));
                assertEquals(200, node.postJson("/api/v1/clips/import", "{\"directory\":\"" + recordings
                        + "\",\"cameraId\":\"t1\"}").statusCode());
                await(() -> clipId(center) > 0, "the clip row reaches the center");
                HttpResponse<byte[]> played = center.client().send(HttpRequest.newBuilder(center.uri("/api/v1/clips/"
                        + clipId(center) + "/media")).header("Authorization", "Bearer " + center.adminToken()).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, played.statusCode());
                assertArrayEquals(file, played.body(), "fetched from the node over TLS, its announced certificate pinned");
            }
        }
    }

    private static UnaryOperator<WardnetConfig> asNode(TestServer center, String token, Path parentCertificate,
            int port) {
        return c -> c.with(WardnetKeys.SERVER_TLS_SELF_SIGNED, true)
                .with(WardnetKeys.SERVER_PORT, port)
                .with(WardnetKeys.FEDERATION_PARENT_URL, "https://127.0.0.1:" + center.server.address().getPort())
                .with(WardnetKeys.FEDERATION_PARENT_CERTIFICATE_FILE, parentCertificate.toString())
                .with(WardnetKeys.FEDERATION_NODE_TOKEN, token)
                .with(WardnetKeys.FEDERATION_PUBLIC_URL, "https://127.0.0.1:" + port)
                .with(WardnetKeys.FEDERATION_IDLE_MILLIS, 100)
                .with(WardnetKeys.FEDERATION_MAX_RETRY_SECONDS, 1)
                .with(WardnetKeys.HEALTH_ENABLED, false);
    }

    private static long clipId(TestServer center) throws Exception {
        HttpResponse<String> page = center.get("/api/v1/clips?camera=t1&from=2026-11-29T13:00:00Z"
                + "&to=2026-11-29T15:00:00Z");
        return page.statusCode() == 200 && TestServer.json(page).get("items").size() > 0
                ? TestServer.json(page).get("items").get(0).get("id").asLong() : -1;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
