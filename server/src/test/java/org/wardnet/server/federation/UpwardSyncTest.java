package org.wardnet.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.federation.Eventually.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.adapters.federation.HttpParentLink;
import org.wardnet.app.federation.SyncRecords;
import org.wardnet.app.federation.UpwardSync;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.server.TestServer;
import org.wardnet.storage.Database;
import org.wardnet.storage.federation.JdbcSyncJournal;
import org.wardnet.storage.registry.JdbcRegistryStore;
import org.wardnet.storage.secrets.SecretBox;
import org.wardnet.storage.secrets.SecretKeys;

/**
 * A child's registry changes reach a real parent server over HTTP through a link the test cuts and
 * restores: what the child registers while the link is down arrives once it is back, in order,
 * once; the parent ends up with exactly the child's cameras; a restarted pusher resumes where the
 * parent acknowledged, re-applying nothing.
 */
class UpwardSyncTest {

    @TempDir
    Path parentDir;
    @TempDir
    Path childDir;

    @Test
    void changesMadeWhileTheLinkIsCutArriveOnceItIsBack() throws Exception {
        try (TestServer parent = TestServer.start(parentDir);
             LinkProxy link = LinkProxy.start(parent.server.address());
             Database child = Database.open(WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR,
                     childDir.toString()))) {
            parent.smallTree();
            String token = TestServer.json(parent.postJson("/api/v1/nodes", "{\"id\":\"sub-one\",\"siteId\":\"S1\"}"))
                    .get("token").asText();
            SecretBox secrets = new SecretBox(SecretKeys.newKey(), List.of());
            // the child's copy of its ancestry, made before its journal exists: never pushed
            Registry setup = Registry.open(new JdbcRegistryStore(child.dataSource(), secrets), Clock.systemUTC());
            setup.createSite(new SiteDraft("C", "Center", "CENTER", null, null, null));
            setup.createSite(new SiteDraft("S1", "Sub 1", "SUBSTATION", "C", null, null));
            JdbcSyncJournal journal = new JdbcSyncJournal(child.dataSource(), Clock.systemUTC());
            Registry registry = Registry.open(new JdbcRegistryStore(child.dataSource(), secrets)
                    .journaled(journal, new SyncRecords(new ObjectMapper())), Clock.systemUTC());
            HttpParentLink toParent = new HttpParentLink(URI.create("http://127.0.0.1:" + link.port()), token, null,
                    Duration.ofSeconds(5));

            registry.createSite(new SiteDraft("R5", "Room 5", "ROOM", "S1", "BANK", null));
            registry.createCamera(camera("k1"));
            try (UpwardSync sync = new UpwardSync(journal, toParent, new UpwardSync.Settings(2, Duration.ofMillis(100),
                    Duration.ofSeconds(1), Duration.ofSeconds(1)), Clock.systemUTC()).start()) {
                await(() -> exists(parent, "k1"), "the first camera arrives");

                link.cut();
                for (int i = 2; i <= 6; i++) {
                    registry.createCamera(camera("k" + i));
                }
                registry.deleteCamera("k1");
                await(() -> !sync.status().linkUp(), "the pusher notices the link is down");
                assertFalse(exists(parent, "k2"), "nothing crosses a cut link");
                assertTrue(sync.status().backlog() >= 6, "the journal holds the changes: " + sync.status());

                link.restore();
                await(() -> exists(parent, "k6") && !exists(parent, "k1"), "the backlog drains in order");
                await(() -> sync.status().backlog() == 0, "and is acknowledged");
            }
            assertEquals(camerasOf(registry), camerasAtParent(parent), "the parent holds exactly the child's cameras");
            long acked = TestServer.json(parent.sendAnonymous(java.net.http.HttpRequest.newBuilder(
                    parent.uri("/api/v1/sync/state")).header("Authorization", "Bearer " + token))).get("ackedSeq").asLong();
            assertEquals(journal.watermark(), acked);
            assertTrue(journal.after(0, 100).size() <= 1, "acknowledged entries are pruned (the newest is kept)");

            registry.createCamera(camera("k7"));
            // a restarted node opens its journal anew (it holds k7's entry, past what the parent has)
            JdbcSyncJournal reopened = new JdbcSyncJournal(child.dataSource(), Clock.systemUTC());
            try (UpwardSync again = new UpwardSync(reopened, toParent, new UpwardSync.Settings(100, Duration.ofMillis(100),
                    Duration.ofSeconds(1), Duration.ofSeconds(1)), Clock.systemUTC()).start()) {
                await(() -> exists(parent, "k7"), "a restarted pusher resumes from the parent's acknowledgement");
            }
            assertEquals(camerasOf(registry), camerasAtParent(parent));
        }
    }

    private static CameraDraft camera(String id) {
        return new CameraDraft(id, "R5", "Camera " + id, new CameraDraft.Location(29.87, 121.55), null, null, null,
                null, null, new CameraDraft.Rtsp("rtsp://127.1.201.1:1/" + id, null, "op", "device-secret"));
    }

    private static boolean exists(TestServer parent, String camera) {
        try {
            return parent.get("/api/v1/cameras/" + camera).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static TreeSet<String> camerasOf(Registry registry) {
        TreeSet<String> ids = new TreeSet<>();
        registry.queries().allCameras().forEach(c -> ids.add(c.id() + "@" + c.siteId() + ":" + c.name()));
        return ids;
    }

    private static TreeSet<String> camerasAtParent(TestServer parent) throws Exception {
        TreeSet<String> ids = new TreeSet<>();
        for (JsonNode camera : TestServer.json(parent.get("/api/v1/cameras?site=R5&limit=1000")).get("items")) {
            ids.add(camera.get("id").asText() + "@" + camera.get("siteId").asText() + ":" + camera.get("name").asText());
        }
        return ids;
    }
}
