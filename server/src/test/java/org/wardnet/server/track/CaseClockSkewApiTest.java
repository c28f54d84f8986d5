package org.wardnet.server.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * With the default clock-skew margin (60 s), a short leg whose cameras' clocks put its sightings
 * out of order is not flagged, and confirming the case teaches the planner that hop; a leg out of
 * order by more than the margin still is flagged and not learned.
 */
class CaseClockSkewApiTest extends ApiTestBase {

    @BeforeEach
    void grid() throws Exception {
        TrackFixture.district(api);
    }

    @Test
    void legsTheClocksPutOutOfOrderAreLearnedWithinTheMargin() throws Exception {
        HttpResponse<String> created = api.postJson("/api/v1/cases", "{\"title\":\"Skewed clocks\",\"mode\":\"WALK\"}");
        assertEquals(201, created.statusCode(), created.body());
        String id = TestServer.json(created).get("id").asText();
        add(id, "A", "2026-11-29T14:03:00Z");
        add(id, "B", "2026-11-29T14:02:30Z"); // 60 m, 30 s "before" A: B's clock is behind
        JsonNode route = add(id, "F", "2026-11-29T14:00:00Z"); // 150 s before B: beyond any clock error
        JsonNode legs = route.get("legs");
        assertEquals(0, legs.get(0).get("flags").size(), legs.toString());
        assertEquals("TIME_BACKWARDS", legs.get(1).get("flags").get(0).asText(), legs.toString());
        assertEquals(1, route.get("impossibleLegs").asInt());
        HttpResponse<String> confirmed = api.post("/api/v1/cases/" + id + "/confirm", "application/json", "");
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals(1, TestServer.json(confirmed).get("hopsLearned").asInt(), "A to B, not B to F");
    }

    private JsonNode add(String caseId, String camera, String time) throws Exception {
        HttpResponse<String> added = api.postJson("/api/v1/cases/" + caseId + "/sightings",
                "{\"cameraId\":\"" + camera + "\",\"time\":\"" + time + "\"}");
        assertEquals(201, added.statusCode(), added.body());
        return TestServer.json(added);
    }
}
