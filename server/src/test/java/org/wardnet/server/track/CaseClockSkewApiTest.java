package org.wardnet.server.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * With the default clock-skew margin (60 s), a short leg whose cameras' clocks put its sightings
 * out of order is not flagged, and confirming the case teaches the planner that hop; a leg out of
 * order by more than the margin still is flagged and not learned. A camera whose clock confirmed
 * routes show to be behind is read by its offset in later cases.
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

    @Test
    void aClockFoundBehindOnConfirmedRoutesIsReadRightInNewCases() throws Exception {
        // walkers along C (40 m) - A (100 m) - B (160 m) - round the corner to D, both ways, at
        // several paces; B's clock runs 90 s behind the others
        String[] cameras = {"C", "A", "B", "D"};
        double[] metres = {0, 60, 120, 260};
        double[] behind = {0, 0, 90, 0};
        Instant start = Instant.parse("2026-11-29T14:00:00Z");
        for (int run = 0; run < 8; run++) {
            double pace = 0.9 + 0.1 * run;
            boolean back = run % 2 == 1;
            String id = open("Walker " + run);
            for (int k = 0; k < cameras.length; k++) {
                int i = back ? cameras.length - 1 - k : k;
                double seconds = Math.abs(metres[i] - metres[back ? cameras.length - 1 : 0]) / pace - behind[i];
                add(id, cameras[i], start.plusSeconds(600L * run).plusMillis(Math.round(seconds * 1000)).toString());
            }
            assertEquals(200, api.post("/api/v1/cases/" + id + "/confirm", "application/json", "").statusCode());
        }
        JsonNode clocks = fittedClocks(8);
        // the same routes teach the walkers' speeds: the 8 legs of 100 m or more (B to D), walked at
        // 0.9-1.6 m/s, pull the configured 0.6-2.5 m/s in
        JsonNode walk = speeds().get(0);
        assertEquals("WALK", walk.get("mode").asText());
        assertEquals(8, walk.get("legs").asInt(), walk.toString());
        assertTrue(walk.get("slowest").asDouble() > 0.6 && walk.get("fastest").asDouble() < 2.5, walk.toString());
        assertEquals("B", clocks.get("furthest").get(0).get("cameraId").asText(), clocks.toString());
        assertEquals(-90, clocks.get("furthest").get(0).get("aheadSeconds").asDouble(), 10, clocks.toString());

        // A then B 80 s "earlier" by B's clock: backwards beyond the 60 s margin when read raw, a
        // 10 s walk of 60 m when read by the learned clocks
        String id = open("After the fit");
        add(id, "A", "2026-11-29T16:00:00Z");
        JsonNode leg = add(id, "B", "2026-11-29T15:58:40Z").get("legs").get(0);
        assertEquals(0, leg.get("flags").size(), leg.toString());
        assertEquals(-90, leg.get("clockCorrectionSeconds").asDouble(), 10, leg.toString());
        assertEquals(10, leg.get("seconds").asDouble(), 10, leg.toString());
    }

    /** The track summary's clocks once a fit has read {@code routes} confirmed routes (fits run in the background). */
    private JsonNode fittedClocks(int routes) throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            HttpResponse<String> summary = api.get("/api/v1/track/streets");
            assertEquals(200, summary.statusCode(), summary.body());
            JsonNode clocks = TestServer.json(summary).get("clocks");
            if (clocks.get("routes").asInt() == routes) {
                return clocks;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no clock fit of " + routes + " routes came");
    }

    private JsonNode speeds() throws Exception {
        return TestServer.json(api.get("/api/v1/track/streets")).get("speeds");
    }

    private String open(String title) throws Exception {
        HttpResponse<String> created = api.postJson("/api/v1/cases", "{\"title\":\"" + title + "\",\"mode\":\"WALK\"}");
        assertEquals(201, created.statusCode(), created.body());
        return TestServer.json(created).get("id").asText();
    }

    private JsonNode add(String caseId, String camera, String time) throws Exception {
        HttpResponse<String> added = api.postJson("/api/v1/cases/" + caseId + "/sightings",
                "{\"cameraId\":\"" + camera + "\",\"time\":\"" + time + "\"}");
        assertEquals(201, added.statusCode(), added.body());
        return TestServer.json(added);
    }
}
