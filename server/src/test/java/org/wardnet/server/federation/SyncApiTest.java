package org.wardnet.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.OpenApiAssertions.assertFits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.health.HealthEvent;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardnet.app.federation.SyncRecords;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Credentials;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.core.registry.OnvifEndpoint;
import org.wardnet.core.registry.RoomKind;
import org.wardnet.core.registry.RtspEndpoint;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.Tier;
import org.wardnet.adapters.federation.HttpParentLink;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * A child node's pushes at its parent: applied in order and acknowledged; pushed again, skipped;
 * a batch reaching outside the node's subtree refused whole; unreadable lines, falling numbers and
 * kinds not synced yet refused by line; a person's token and a revoked node's refused.
 */
class SyncApiTest extends ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SyncRecords records = new SyncRecords(JSON);
    private final Instant at = Instant.parse("2026-12-03T10:00:00Z");
    private String node;

    @BeforeEach
    void registerNode() throws Exception {
        HttpResponse<String> made = api.postJson("/api/v1/nodes", "{\"id\":\"sub-one\",\"siteId\":\"S1\"}");
        assertEquals(201, made.statusCode(), made.body());
        node = TestServer.json(made).get("token").asText();
    }

    @Test
    void changesAreAppliedInOrderOnceAndAcknowledged() throws Exception {
        assertEquals(0, state().get("ackedSeq").asLong());
        String batch = put(1, "SITE", "R3", records.site(room("R3", "S1"))) + put(2, "CAMERA", "n1",
                records.camera(camera("n1", "R3")));
        JsonNode receipt = TestServer.json(push(batch, 200));
        assertFits(api, "SyncReceipt", receipt);
        assertEquals(2, receipt.get("ackedSeq").asLong());
        assertEquals(2, receipt.get("applied").asInt());
        assertEquals("R3", TestServer.json(api.get("/api/v1/cameras/n1")).get("siteId").asText());
        assertEquals("Room R3", TestServer.json(api.get("/api/v1/sites/R3")).get("name").asText(), "the room arrived");

        JsonNode again = TestServer.json(push(batch, 200));
        assertEquals(0, again.get("applied").asInt());
        assertEquals(2, again.get("skipped").asInt(), "pushed twice, applied once");
        assertEquals(2, state().get("ackedSeq").asLong());

        String deletes = "{\"seq\":3,\"kind\":\"CAMERA\",\"op\":\"DELETE\",\"key\":\"n1\",\"at\":\"" + at + "\"}\n"
                + "{\"seq\":4,\"kind\":\"SITE\",\"op\":\"DELETE\",\"key\":\"R3\",\"at\":\"" + at + "\"}\n"
                + "{\"seq\":5,\"kind\":\"CAMERA\",\"op\":\"DELETE\",\"key\":\"never-here\",\"at\":\"" + at + "\"}\n";
        assertEquals(5, TestServer.json(push(deletes, 200)).get("ackedSeq").asLong());
        assertEquals(404, api.get("/api/v1/cameras/n1").statusCode());
        assertEquals(404, api.get("/api/v1/sites/R3").statusCode());
    }

    @Test
    void aBatchThatOvertookItsPredecessorIsRefusedWholeUntilThatOneIsApplied() throws Exception {
        String first = put(1, "SITE", "R3", records.site(room("R3", "S1")));
        String second = put(2, "CAMERA", "n1", records.camera(camera("n1", "R3")));

        HttpResponse<String> early = push(second, "1", 409);
        assertEquals("urn:wardnet:problem:sync-out-of-step", TestServer.json(early).get("type").asText());
        assertEquals(404, api.get("/api/v1/cameras/n1").statusCode(), "nothing of the early batch applied");
        assertEquals(0, state().get("ackedSeq").asLong());

        assertEquals(1, TestServer.json(push(first, "0", 200)).get("ackedSeq").asLong());
        assertEquals(2, TestServer.json(push(second, "1", 200)).get("ackedSeq").asLong());
        assertEquals("R3", TestServer.json(api.get("/api/v1/cameras/n1")).get("siteId").asText());
        assertEquals(0, TestServer.json(push(first + second, "0", 200)).get("applied").asInt(),
                "a batch from before the acknowledgement is skipped, not refused");
        HttpResponse<String> garbled = push(second, "two", 400);
        assertTrue(garbled.body().contains(HttpParentLink.AFTER_HEADER), garbled.body());
    }

    @Test
    void theParentRefusesToChangeANodesRecordsAndNamesTheNode() throws Exception {
        push(put(1, "CAMERA", "n1", records.camera(camera("n1", "R1"))), 200);
        HttpResponse<String> replace = api.putJson("/api/v1/cameras/n1", TestServer.camera("n1", "R1"));
        assertEquals(409, replace.statusCode(), replace.body());
        assertEquals("sub-one", TestServer.json(replace).get("node").asText());
        assertEquals(409, api.postJson("/api/v1/cameras", TestServer.camera("n2", "R1")).statusCode());
        assertEquals(409, api.delete("/api/v1/cameras/n1").statusCode());
        assertEquals(409, api.postJson("/api/v1/sites", "{\"id\":\"R9\",\"name\":\"R9\",\"tier\":\"ROOM\","
                + "\"parentId\":\"S1\",\"kind\":\"BANK\"}").statusCode());
        assertEquals(409, api.delete("/api/v1/sites/S1?cascade=true").statusCode());
        assertEquals(409, api.delete("/api/v1/sites/C?cascade=true").statusCode(), "the delete would reach the node");
        JsonNode imported = TestServer.json(api.post("/api/v1/cameras/import", "text/csv",
                "id,siteId,name,lat,lon,rtspUrl\nn3,R1,N3,1,1,rtsp://127.1.0.3/\nok1,R2,OK,1,1,rtsp://127.1.0.4/\n"));
        assertEquals(1, imported.get("failed").asInt(), imported.toString());
        assertTrue(imported.get("results").get(0).toString().contains("sub-one"), imported.toString());
        assertEquals(201, api.postJson("/api/v1/cameras", TestServer.camera("free", "R2")).statusCode(),
                "another substation is the parent's own");
    }

    @Test
    void theParentNeitherVerifiesNorRecordsANodesCameras() throws Exception {
        push(put(1, "CAMERA", "n1", records.camera(onvifCamera("n1", "R1"))), 200);
        HttpResponse<String> verify = api.postJson("/api/v1/cameras/n1/verify", "");
        assertEquals(409, verify.statusCode(), verify.body());
        assertEquals("sub-one", TestServer.json(verify).get("node").asText());
        HttpResponse<String> batch = api.postJson("/api/v1/verifications", "{\"site\":\"S1\"}");
        assertEquals(202, batch.statusCode(), batch.body());
        assertEquals(0, TestServer.json(batch).get("total").asInt(), "the node's cameras are left to the node");
        assertEquals(409, api.putJson("/api/v1/recording/plans/n1", "{\"mode\":\"CONTINUOUS\"}").statusCode());
        assertEquals(409, api.putJson("/api/v1/recording/plans/R1", "{\"mode\":\"CONTINUOUS\"}").statusCode());
        assertEquals(200, api.putJson("/api/v1/recording/plans/C", "{\"mode\":\"CONTINUOUS\"}").statusCode(),
                "a plan above the node stays the parent's");
        Thread.sleep(1_500); // a reconcile of the recorder would have started one by now
        assertEquals(0, TestServer.json(api.get("/api/v1/recording/status")).get("recording").asInt(),
                "the plan above does not make the parent record the node's camera");
    }

    @Test
    void aBatchReachingOutsideTheSubtreeIsRefusedWhole() throws Exception {
        String batch = put(1, "CAMERA", "mine", records.camera(camera("mine", "R1")))
                + put(2, "CAMERA", "theirs", records.camera(camera("theirs", "R2")));
        HttpResponse<String> refused = push(batch, 403);
        assertTrue(refused.body().contains("theirs"), refused.body());
        assertEquals(404, api.get("/api/v1/cameras/mine").statusCode(), "nothing of the batch applied");
        assertEquals(0, state().get("ackedSeq").asLong());
        assertEquals(403, push(put(1, "SITE", "S1", records.site(new Site("S1", "Moved", Tier.SUBSTATION, "S2", null,
                null, at, at))), 403).statusCode(), "the node's own root cannot be moved");
        JsonNode audit = TestServer.json(api.get("/api/v1/audit?limit=1000")).get("items");
        boolean audited = false;
        for (JsonNode entry : audit) {
            audited |= entry.get("action").asText().equals("sync.push") && entry.get("result").asInt() == 403;
        }
        assertTrue(audited, "the refused push is in the audit trail");
    }

    @Test
    void aCompressedPushIsInflatedAndABombIsRefusedByItsInflatedSize() throws Exception {
        String batch = put(1, "SITE", "R3", records.site(room("R3", "S1"))) + put(2, "CAMERA", "n1",
                records.camera(camera("n1", "R3")));
        HttpResponse<String> zipped = api.sendAnonymous(HttpRequest.newBuilder(api.uri("/api/v1/sync/changes"))
                .header("Authorization", "Bearer " + node).header("Content-Type", "application/x-ndjson")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(batch.getBytes(StandardCharsets.UTF_8)))));
        assertEquals(200, zipped.statusCode(), zipped.body());
        assertEquals(2, TestServer.json(zipped).get("applied").asInt());

        byte[] bomb = gzip(new byte[100 << 20]); // 100 MiB of zeros in about 100 KB, over the 64 MiB limit
        HttpResponse<String> refused = api.sendAnonymous(HttpRequest.newBuilder(api.uri("/api/v1/sync/changes"))
                .header("Authorization", "Bearer " + node).header("Content-Type", "application/x-ndjson")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(bomb)));
        assertEquals(413, refused.statusCode(), refused.body());
        assertEquals(2, state().get("ackedSeq").asLong(), "the server goes on answering");
    }

    private static byte[] gzip(byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void anAuditHeadThatDoesNotContinueTheChainRaisesAnAlarm() throws Exception {
        String a = "a".repeat(64);
        push(put(1, "AUDIT_HEAD", "head", "{\"seq\":10,\"hash\":\"" + a + "\"}"), 200);
        JsonNode node = TestServer.json(api.get("/api/v1/nodes/sub-one"));
        assertEquals(10, node.path("auditHead").path("seq").asLong(), node.toString());
        assertEquals(a, node.path("auditHead").path("hash").asText());
        push(put(2, "AUDIT_HEAD", "head", "{\"seq\":12,\"hash\":\"" + "b".repeat(64) + "\"}"), 200);
        assertTrue(TestServer.json(api.get("/api/v1/nodes/sub-one")).path("linkEvents").isMissingNode(),
                "a chain that goes on is no news");
        push(put(3, "AUDIT_HEAD", "head", "{\"seq\":4,\"hash\":\"" + "c".repeat(64) + "\"}"), 200);
        JsonNode events = TestServer.json(api.get("/api/v1/nodes/sub-one")).get("linkEvents");
        assertEquals("AUDIT_BROKEN", events.get(0).get("to").asText(), events.toString());
        assertTrue(events.get(0).get("alarm").asBoolean());
        assertEquals(4, TestServer.json(api.get("/api/v1/nodes/sub-one")).path("auditHead").path("seq").asLong());
        assertEquals(400, push(put(4, "AUDIT_HEAD", "head", "{\"seq\":5,\"hash\":\"short\"}"), 400).statusCode());
    }

    @Test
    void healthAndClipsOfAnotherSubtreeAreRefusedWhole() throws Exception {
        assertEquals(201, api.postJson("/api/v1/cameras", TestServer.camera("theirs", "R2")).statusCode());
        HealthEvent down = new HealthEvent(at, HealthEvent.Subject.CAMERA, "theirs", "ONLINE", "OFFLINE", "forged",
                true, null);
        assertEquals(403, push(put(1, "HEALTH", "theirs", records.healthEvent(down)), 403).statusCode());
        Clip clip = new Clip(9, "theirs", at, at.plusSeconds(60), "", 10L, null, null, null, null, null,
                ClipOrigin.RECORDED);
        String batch = put(1, "CAMERA", "mine", records.camera(camera("mine", "R1")))
                + put(2, "CLIP", "9", records.clip(clip));
        assertEquals(403, push(batch, 403).statusCode());
        assertEquals(404, api.get("/api/v1/cameras/mine").statusCode(), "nothing of the batch applied");
        assertEquals(0, TestServer.json(api.get("/api/v1/clips?camera=theirs&from=" + at.minusSeconds(60) + "&to="
                + at.plusSeconds(120))).get("items").size());
        assertEquals("UNKNOWN", TestServer.json(api.get("/api/v1/cameras/theirs/health")).get("state").asText());
    }

    @Test
    void badPushesAreRefusedByLine() throws Exception {
        assertEquals(400, push("{\"seq\":1,\"kind\":\"SITE\"}\n", 400).statusCode());
        assertTrue(push("not json\n", 400).body().contains("line 1"));
        String falling = put(2, "CAMERA", "a", records.camera(camera("a", "R1"))) + put(1, "CAMERA", "b",
                records.camera(camera("b", "R1")));
        assertTrue(push(falling, 400).body().contains("must rise"));
        String notEvent = push(put(1, "HEALTH", "a", "{}"), 400).body();
        assertTrue(notEvent.contains("not a health event"), notEvent);
        assertTrue(push(put(1, "CLIP", "7", "{\"id\":7}"), 400).body().contains("not a clip"));
        assertTrue(push("{\"seq\":1,\"kind\":\"CLIP\",\"op\":\"DELETE\",\"key\":\"seven\",\"at\":\"" + at
                + "\"}\n", 400).body().contains("a number"));
        assertTrue(push(put(1, "VERIFICATION", "a", "{}"), 400).body().contains("not a verification"));
        HttpResponse<String> wrongType = api.sendAnonymous(HttpRequest.newBuilder(api.uri("/api/v1/sync/changes"))
                .header("Authorization", "Bearer " + node).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(415, wrongType.statusCode());
    }

    @Test
    void onlyALiveNodesTokenPushes() throws Exception {
        HttpResponse<String> person = api.post("/api/v1/sync/changes", "application/x-ndjson", "");
        assertEquals(403, person.statusCode(), "an administrator is not a node");
        assertEquals(200, api.delete("/api/v1/nodes/sub-one").statusCode());
        assertEquals(401, push("", 401).statusCode(), "a revoked node stops at once");
    }

    private JsonNode state() throws Exception {
        HttpResponse<String> answer = api.sendAnonymous(HttpRequest.newBuilder(api.uri("/api/v1/sync/state"))
                .header("Authorization", "Bearer " + node));
        assertEquals(200, answer.statusCode(), answer.body());
        return TestServer.json(answer);
    }

    private HttpResponse<String> push(String ndjson, int expected) throws Exception {
        return push(ndjson, null, expected);
    }

    /** A push that names the number it continues from, when {@code after} is not null. */
    private HttpResponse<String> push(String ndjson, String after, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/sync/changes"))
                .header("Authorization", "Bearer " + node).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson));
        if (after != null) {
            request.header(HttpParentLink.AFTER_HEADER, after);
        }
        HttpResponse<String> answer = api.sendAnonymous(request);
        assertEquals(expected, answer.statusCode(), answer.body());
        return answer;
    }

    private String put(long seq, String kind, String key, String payload) throws Exception {
        return JSON.writeValueAsString(Map.of("seq", seq, "kind", kind, "op", "PUT", "key", key, "payload",
                payload, "at", at.toString())) + "\n";
    }

    private Site room(String id, String parent) {
        return new Site(id, "Room " + id, Tier.ROOM, parent, RoomKind.HOSPITAL, null, at, at);
    }

    private Camera onvifCamera(String id, String site) {
        return new Camera(id, site, "Camera " + id, new GeoPoint(29.87, 121.55), null, null, null, null,
                new OnvifEndpoint("http://127.1.200.1:1/onvif/device_service", new Credentials("admin", null)),
                new RtspEndpoint("rtsp://127.1.200.1:1/" + id, null, new Credentials("op", null)), at, at);
    }

    private Camera camera(String id, String site) {
        return new Camera(id, site, "Camera " + id, new GeoPoint(29.87, 121.55), null, null, null, null, null,
                new RtspEndpoint("rtsp://127.1.200.1:1/" + id, null, new Credentials("op", null)), at, at);
    }
}
