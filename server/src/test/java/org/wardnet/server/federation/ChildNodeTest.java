package org.wardnet.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.wardnet.server.federation.Eventually.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.TestServer;

/**
 * A substation node and its center, two servers with their own stores, a link between them that the
 * test cuts: the node copies its ancestry from the center, what its installers register arrives at
 * the center (through the cut, once the link is back; across a restart of the node), the center
 * holds exactly the node's cameras and refuses to change them.
 */
class ChildNodeTest {

    @TempDir
    Path centerDir;
    @TempDir
    Path nodeDir;

    @Test
    void aSubstationNodeSyncsToItsCenterThroughACutLinkAndARestart() throws Exception {
        try (TestServer center = TestServer.start(centerDir);
             LinkProxy link = LinkProxy.start(center.server.address())) {
            center.smallTree();
            String token = TestServer.json(center.postJson("/api/v1/nodes", "{\"id\":\"sub-one\",\"siteId\":\"S1\"}"))
                    .get("token").asText();
            UnaryOperator<WardnetConfig> asNode = c -> c
                    .with(WardnetKeys.FEDERATION_PARENT_URL, "http://127.0.0.1:" + link.port())
                    .with(WardnetKeys.FEDERATION_NODE_TOKEN, token)
                    .with(WardnetKeys.FEDERATION_IDLE_MILLIS, 100)
                    .with(WardnetKeys.FEDERATION_MAX_RETRY_SECONDS, 1)
                    .with(WardnetKeys.HEALTH_ENABLED, false);
            try (TestServer node = TestServer.start(nodeDir, asNode)) {
                await(() -> node.get("/api/v1/sites/S1").statusCode() == 200, "the node copies its ancestry");
                assertEquals("C", TestServer.json(node.get("/api/v1/sites/S1")).get("parentId").asText());
                assertEquals(201, node.postJson("/api/v1/sites", "{\"id\":\"R7\",\"name\":\"Room 7\",\"tier\":\"ROOM\","
                        + "\"parentId\":\"S1\",\"kind\":\"SCHOOL\"}").statusCode());
                assertEquals(201, node.postJson("/api/v1/cameras", TestServer.camera("z1", "R7")).statusCode());
                await(() -> center.get("/api/v1/cameras/z1").statusCode() == 200, "a camera reaches the center");

                link.cut();
                assertEquals(201, node.postJson("/api/v1/cameras", TestServer.camera("z2", "R7")).statusCode());
                Thread.sleep(500);
                assertEquals(404, center.get("/api/v1/cameras/z2").statusCode(), "not through a cut link");
                link.restore();
                await(() -> center.get("/api/v1/cameras/z2").statusCode() == 200, "it arrives once the link is back");
            }
            try (TestServer node = TestServer.start(nodeDir, asNode)) {
                assertEquals(201, node.postJson("/api/v1/cameras", TestServer.camera("z3", "R7")).statusCode());
                await(() -> center.get("/api/v1/cameras/z3").statusCode() == 200, "and after the node restarts");
                assertEquals(cameras(node), cameras(center), "the center holds exactly the node's cameras");
            }
            assertEquals(409, center.putJson("/api/v1/cameras/z1", TestServer.camera("z1", "R7")).statusCode(),
                    "the center does not change the node's camera");
            assertFalse(center.get("/api/v1/cameras/z1").body().contains("passwordSet\":true"),
                    "device passwords stay on the node");
        }
    }

    private static TreeSet<String> cameras(TestServer server) throws Exception {
        TreeSet<String> ids = new TreeSet<>();
        for (JsonNode camera : TestServer.json(server.get("/api/v1/cameras?site=R7&limit=1000")).get("items")) {
            ids.add(camera.get("id").asText() + "@" + camera.get("siteId").asText() + ":" + camera.get("name").asText()
                    + ":" + camera.path("rtsp").path("url").asText());
        }
        return ids;
    }
}
