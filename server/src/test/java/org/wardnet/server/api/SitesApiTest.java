package org.wardnet.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

class SitesApiTest extends ApiTestBase {

    @Test
    void createReadReplaceDelete() throws Exception {
        HttpResponse<String> created = api.postJson("/api/v1/sites",
                "{\"id\":\"R3\",\"name\":\"Clinic\",\"tier\":\"ROOM\",\"parentId\":\"S1\",\"kind\":\"hospital\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("/api/v1/sites/R3", created.headers().firstValue("location").orElseThrow());
        assertEquals("HOSPITAL", TestServer.json(created).get("kind").asText());

        JsonNode read = TestServer.json(api.get("/api/v1/sites/R3"));
        assertEquals("Clinic", read.get("name").asText());
        assertTrue(read.get("createdAt").asText().endsWith("Z"));

        HttpResponse<String> replaced = api.putJson("/api/v1/sites/R3",
                "{\"name\":\"Clinic North\",\"tier\":\"ROOM\",\"parentId\":\"S2\",\"kind\":\"HOSPITAL\"}");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals("S2", TestServer.json(api.get("/api/v1/sites/R3")).get("parentId").asText());

        HttpResponse<String> deleted = api.delete("/api/v1/sites/R3");
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertProblem(api.get("/api/v1/sites/R3"), 404, "no site 'R3'");
    }

    @Test
    void secondCenterIsRefused() throws Exception {
        assertProblem(api.postJson("/api/v1/sites", "{\"id\":\"C2\",\"name\":\"x\",\"tier\":\"CENTER\"}"), 409,
                "already has a CENTER");
    }

    @Test
    void parentOfTheWrongTierIsRefused() throws Exception {
        JsonNode problem = assertProblem(api.postJson("/api/v1/sites",
                "{\"id\":\"R9\",\"name\":\"x\",\"tier\":\"ROOM\",\"parentId\":\"C\",\"kind\":\"BANK\"}"), 400,
                "a ROOM hangs under a SUBSTATION");
        assertEquals("parentId", problem.get("errors").get(0).get("field").asText());
    }

    @Test
    void cycleIsRefused() throws Exception {
        assertProblem(api.putJson("/api/v1/sites/S1",
                "{\"name\":\"Sub 1\",\"tier\":\"SUBSTATION\",\"parentId\":\"R1\"}"), 409, "cycle");
        assertEquals("C", TestServer.json(api.get("/api/v1/sites/S1")).get("parentId").asText());
    }

    @Test
    void duplicateIdIsRefused() throws Exception {
        assertProblem(api.postJson("/api/v1/sites",
                "{\"id\":\"S1\",\"name\":\"again\",\"tier\":\"SUBSTATION\",\"parentId\":\"C\"}"), 409, "already exists");
    }

    @Test
    void deletingASiteInUseNeedsCascade() throws Exception {
        assertEquals(201, api.postJson("/api/v1/cameras", TestServer.camera("cam1", "R1")).statusCode());
        assertProblem(api.delete("/api/v1/sites/S1"), 409, "?cascade=true");
        assertEquals(200, api.get("/api/v1/sites/R1").statusCode(), "a refused delete removes nothing");
        HttpResponse<String> cascaded = api.delete("/api/v1/sites/S1?cascade=true");
        assertEquals(200, cascaded.statusCode(), cascaded.body());
        JsonNode counts = TestServer.json(cascaded);
        assertEquals(2, counts.get("sites").asInt());
        assertEquals(1, counts.get("cameras").asInt());
        assertEquals(404, api.get("/api/v1/cameras/cam1").statusCode());
        assertProblem(api.delete("/api/v1/sites/S2?cascade=maybe"), 400, "cascade");
    }

    @Test
    void movingARoomMovesItsCameras() throws Exception {
        assertEquals(201, api.postJson("/api/v1/cameras", TestServer.camera("cam1", "R1")).statusCode());
        assertEquals(200, api.putJson("/api/v1/sites/R1",
                "{\"name\":\"Room 1\",\"tier\":\"ROOM\",\"parentId\":\"S2\",\"kind\":\"BANK\"}").statusCode());
        JsonNode underS2 = TestServer.json(api.get("/api/v1/cameras?site=S2"));
        assertEquals("cam1", underS2.get("items").get(0).get("id").asText());
        assertEquals(0, TestServer.json(api.get("/api/v1/cameras?site=S1")).get("items").size());
    }

    @Test
    void listsArePagedAndFiltered() throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = TestServer.json(api.get("/api/v1/sites?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.get("items").forEach(site -> ids.add(site.get("id").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            assertEquals(2, page.get("limit").asInt());
        } while (cursor != null);
        assertEquals(List.of("C", "R1", "R2", "S1", "S2"), ids);
        assertEquals(2, TestServer.json(api.get("/api/v1/sites?site=S1")).get("items").size());
        assertEquals(2, TestServer.json(api.get("/api/v1/sites?tier=ROOM")).get("items").size());
        assertEquals(1, TestServer.json(api.get("/api/v1/sites?q=sub%201")).get("items").size());
        assertProblem(api.get("/api/v1/sites?tier=PLANET"), 400, "tier");
        assertProblem(api.get("/api/v1/sites?limit=0"), 400, "limit");
        assertProblem(api.get("/api/v1/sites?limit=5000"), 400, "from 1 to 1000");
        assertProblem(api.get("/api/v1/sites?cursor=%21%21"), 400, "cursor");
        assertProblem(api.get("/api/v1/sites?limit=1&limit=2"), 400, "given 2 times");
        assertProblem(api.get("/api/v1/sites?site=nowhere"), 400, "no site 'nowhere'");
    }

    @Test
    void malformedAndWronglyTypedBodiesAreRefusedWithTheField() throws Exception {
        assertProblem(api.postJson("/api/v1/sites", "{\"id\":\"X\",\"name\":"), 400, "malformed JSON");
        assertProblem(api.postJson("/api/v1/sites", "{\"id\":\"X\"} trailing"), 400, "");
        assertProblem(api.postJson("/api/v1/sites", "[1,2]"), 400, "JSON object");
        assertProblem(api.postJson("/api/v1/sites", ""), 400, "empty");
        JsonNode unknown = assertProblem(api.postJson("/api/v1/sites",
                "{\"id\":\"X\",\"name\":\"x\",\"tier\":\"CENTER\",\"color\":\"red\"}"), 400, "unknown field 'color'");
        assertEquals("color", unknown.get("errors").get(0).get("field").asText());
        JsonNode wrongType = assertProblem(api.postJson("/api/v1/sites",
                "{\"id\":\"X\",\"name\":42,\"tier\":\"CENTER\"}"), 400, "field 'name': expected a string");
        assertEquals("name", wrongType.get("errors").get(0).get("field").asText());
        JsonNode missing = assertProblem(api.postJson("/api/v1/sites", "{\"id\":\"X\"}"), 400, "name");
        assertEquals(2, missing.get("errors").size(), "name and tier are both named: " + missing);
        assertProblem(api.postJson("/api/v1/sites", "{\"id\":\"bad id/\",\"name\":\"x\",\"tier\":\"CENTER\"}"),
                400, "id: must be 1 to 64 characters");
        assertProblem(api.get("/api/v1/sites/" + "x".repeat(65)), 400, "the id in the path");
        assertProblem(api.postJson("/api/v1/sites", "{\"id\":\"R9\",\"name\":\"x\",\"tier\":\"ROOM\",\"parentId\":\"S1\"}"),
                400, "kind");
        assertFalse(api.get("/api/v1/sites/X").statusCode() == 200, "nothing half-written");
    }

    @Test
    void wrongContentTypeUnknownPathAndWrongMethod() throws Exception {
        assertProblem(api.post("/api/v1/sites", "text/plain", "{\"id\":\"X\",\"name\":\"x\",\"tier\":\"CENTER\"}"),
                415, "Content-Type must be application/json");
        assertProblem(api.post("/api/v1/sites", "application/json; charset=iso-8859-1", "{}"), 415, "UTF-8");
        assertProblem(api.get("/api/v2/sites"), 404, "no resource at /api/v2/sites");
        HttpResponse<String> wrongMethod = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/sites"))
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertProblem(wrongMethod, 405, "allowed: GET, POST");
        assertEquals("GET, POST", wrongMethod.headers().firstValue("allow").orElseThrow());
    }
}
