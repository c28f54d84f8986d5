package org.wardnet.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * Callers granted on substation S1 against data of substation S2 (tree C > S1 > R1, C > S2 > R2):
 * lists leave S2 out, and S2's camera, clip, case and media answer exactly as ids that do not
 * exist (same status, type and wording), so ids do not leak. Writes cannot reach into S2 either.
 */
class ScopeIsolationTest extends ApiTestBase {

    private static final String WINDOW = "from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z";

    private String investigatorS1;
    private long clipS1;
    private long clipS2;
    private String caseS2;

    @BeforeEach
    void twoSubstations() throws Exception {
        for (String[] c : new String[][] {{"cam1", "R1"}, {"cam2", "R2"}}) {
            assertEquals(201, api.postJson("/api/v1/cameras", TestServer.camera(c[0], c[1])).statusCode());
        }
        clipS1 = TestServer.json(api.postJson("/api/v1/clips", clip("cam1"))).get("id").asLong();
        clipS2 = TestServer.json(api.postJson("/api/v1/clips", clip("cam2"))).get("id").asLong();
        for (String camera : List.of("cam1", "cam2")) {
            assertEquals(201, api.postJson("/api/v1/sightings", "{\"cameraId\":\"" + camera + "\",\"time\":"
                    + "\"2026-11-29T14:05:00Z\",\"kind\":\"plate\",\"value\":\"ZJ-A1\",\"confidence\":0.9}").statusCode());
        }
        String investigatorS2 = api.userWith("inv-s2", "investigator@S2");
        HttpResponse<String> made = as(investigatorS2, post("/api/v1/cases", "{\"title\":\"S2 case\"}"));
        assertEquals(201, made.statusCode(), made.body());
        caseS2 = TestServer.json(made).get("id").asText();
        assertEquals("S2", TestServer.json(made).get("siteId").asText(), "a scoped caller's case belongs to its site");
        investigatorS1 = api.userWith("inv-s1", "investigator@S1");
    }

    private static String clip(String camera) {
        return "{\"cameraId\":\"" + camera + "\",\"start\":\"2026-11-29T14:00:00Z\",\"end\":\"2026-11-29T14:10:00Z\","
                + "\"mediaUrl\":\"http://127.3.0.1/rec/" + camera + ".mp4\",\"codec\":\"h264\",\"width\":640,"
                + "\"height\":360}";
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(api.uri(path)).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> as(String token, HttpRequest.Builder request) throws Exception {
        return api.sendAs(token, request);
    }

    /** The answer for an id outside the scope equals the one for an id that exists nowhere, id aside. */
    private void answersAsMissing(String token, String path, String hiddenId, String missingId) throws Exception {
        HttpResponse<String> hidden = as(token, get(path.replace("{}", hiddenId)));
        HttpResponse<String> missing = as(token, get(path.replace("{}", missingId)));
        assertEquals(404, hidden.statusCode(), path + " " + hidden.body());
        assertEquals(missing.statusCode(), hidden.statusCode());
        JsonNode a = TestServer.json(hidden);
        JsonNode b = TestServer.json(missing);
        assertEquals(b.get("type"), a.get("type"));
        assertEquals(b.get("title"), a.get("title"));
        assertEquals(b.get("detail").asText().replace(missingId, "ID"), a.get("detail").asText().replace(hiddenId, "ID"));
    }

    @Test
    void anotherSubstationsIdsAnswerAsIfTheyDidNotExist() throws Exception {
        answersAsMissing(investigatorS1, "/api/v1/cameras/{}", "cam2", "cam9");
        answersAsMissing(investigatorS1, "/api/v1/clips/{}", Long.toString(clipS2), "999");
        answersAsMissing(investigatorS1, "/api/v1/clips/{}/media", Long.toString(clipS2), "999");
        answersAsMissing(investigatorS1, "/api/v1/cases/{}", caseS2, "00000000-0000-4000-8000-000000000000");
        answersAsMissing(investigatorS1, "/api/v1/cameras/{}/timeline?" + WINDOW, "cam2", "cam9");
        answersAsMissing(investigatorS1, "/api/v1/clips?camera={}&" + WINDOW, "cam2", "cam9");
        answersAsMissing(investigatorS1, "/api/v1/coverage?site={}&" + WINDOW, "S2", "S9");
        answersAsMissing(investigatorS1, "/api/v1/sites/{}", "S2", "S9");
        // its own substation's are there
        assertEquals(200, as(investigatorS1, get("/api/v1/cameras/cam1")).statusCode());
        assertEquals(307, as(investigatorS1, get("/api/v1/clips/" + clipS1 + "/media")).statusCode());
        HttpResponse<String> follow = as(investigatorS1, post("/api/v1/track/follow",
                "{\"cameraId\":\"cam2\",\"time\":\"2026-11-29T14:05:00Z\",\"mode\":\"WALK\"}"));
        assertEquals(404, follow.statusCode(), follow.body());
        HttpResponse<String> addHop = as(investigatorS1, post("/api/v1/cases/" + caseS2 + "/sightings",
                "{\"cameraId\":\"cam1\",\"time\":\"2026-11-29T14:05:00Z\"}"));
        assertEquals(404, addHop.statusCode(), "another substation's case cannot be written to: " + addHop.body());
    }

    @Test
    void listsLeaveTheOtherSubstationOut() throws Exception {
        assertEquals(List.of("cam1"), ids(as(investigatorS1, get("/api/v1/cameras")), "id"));
        assertEquals(List.of("R1", "S1"), ids(as(investigatorS1, get("/api/v1/sites")), "id"));
        assertEquals(List.of("cam1"), ids(as(investigatorS1, get("/api/v1/sightings?kind=plate&value=ZJ-A1&"
                + WINDOW)), "cameraId"));
        JsonNode near = TestServer.json(as(investigatorS1, get("/api/v1/coverage?lat=29.87&lon=121.55&radiusMeters=500&"
                + WINDOW)));
        assertEquals(1, near.get("camerasInScope").asInt(), "an area over both substations covers S1's side: " + near);
        assertEquals(403, as(investigatorS1, get("/api/v1/audit")).statusCode(), "the trail is for administrators");
        assertEquals(403, as(investigatorS1, get("/api/v1/users")).statusCode());
    }

    @Test
    void writesCannotReachIntoAnotherSubstation() throws Exception {
        String installer = api.userWith("inst-s1", "installer@S1");
        HttpResponse<String> move = api.sendAs(installer, HttpRequest.newBuilder(api.uri("/api/v1/cameras/cam1"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(TestServer.camera("cam1", "R2"))));
        assertEquals(400, move.statusCode(), "moving a camera out of the scope: " + move.body());
        assertTrue(move.body().contains("no site 'R2' exists"), move.body());
        HttpResponse<String> takeOver = api.sendAs(installer, HttpRequest.newBuilder(api.uri("/api/v1/cameras/cam2"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(TestServer.camera("cam2", "R1"))));
        assertEquals(404, takeOver.statusCode(), "pulling another substation's camera in: " + takeOver.body());
        HttpResponse<String> imported = api.sendAs(installer, HttpRequest.newBuilder(api.uri("/api/v1/cameras/import"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.camera("cam2", "R1") + "\n"
                        + TestServer.camera("cam3", "R1") + "\n")));
        JsonNode result = TestServer.json(imported);
        assertEquals(1, result.get("failed").asInt(), result.toString());
        assertEquals("failed", result.get("results").get(0).get("status").asText());
        assertEquals("R2", TestServer.json(api.get("/api/v1/cameras/cam2")).get("siteId").asText(), "untouched");
        String operator = api.userWith("op-s1", "operator@S1");
        HttpResponse<String> topLevel = api.sendAs(operator, post("/api/v1/sites",
                "{\"id\":\"C2\",\"name\":\"Another center\",\"tier\":\"CENTER\"}"));
        assertEquals(403, topLevel.statusCode(), topLevel.body());
        HttpResponse<String> underS2 = api.sendAs(operator, post("/api/v1/sites",
                "{\"id\":\"R3\",\"name\":\"Room 3\",\"tier\":\"ROOM\",\"parentId\":\"S2\",\"kind\":\"BANK\"}"));
        assertEquals(400, underS2.statusCode(), underS2.body());
        HttpResponse<String> underS1 = api.sendAs(operator, post("/api/v1/sites",
                "{\"id\":\"R3\",\"name\":\"Room 3\",\"tier\":\"ROOM\",\"parentId\":\"S1\",\"kind\":\"BANK\"}"));
        assertEquals(201, underS1.statusCode(), underS1.body());
    }

    @Test
    void theDistrictStillSeesTheRecordsOfARemovedCamera() throws Exception {
        String investigatorS2 = api.userWith("inv-s2b", "investigator@S2");
        assertEquals(200, as(investigatorS2, get("/api/v1/clips/" + clipS2)).statusCode());
        assertEquals(204, api.delete("/api/v1/cameras/cam2").statusCode());
        assertEquals(200, api.get("/api/v1/clips/" + clipS2).statusCode(), "footage outlives its camera's entry");
        assertEquals(List.of("cam1", "cam2"), ids(api.get("/api/v1/sightings?kind=plate&value=ZJ-A1&" + WINDOW),
                "cameraId"));
        assertEquals(404, as(investigatorS2, get("/api/v1/clips/" + clipS2)).statusCode(),
                "a scope is decided by where the camera is; a removed camera is nowhere");
    }

    private static List<String> ids(HttpResponse<String> response, String field) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        List<String> out = new ArrayList<>();
        TestServer.json(response).get("items").forEach(item -> out.add(item.get(field).asText()));
        out.sort(null);
        return out;
    }
}
