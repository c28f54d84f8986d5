package org.wardnet.server.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.OpenApiAssertions.assertFits;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.TrackKeys;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * Confirmed routes fit the district's camera view in the background once enough hops came in:
 * the map reports the view it plans with, and the fitted view survives a restart.
 */
class ViewFitApiTest extends ApiTestBase {

    @Override
    protected WardnetConfig configure(WardnetConfig config) {
        return config.with(TrackKeys.TRACK_VIEW_FIT_HOPS, 3).with(TrackKeys.TRACK_OWN_VIEW_HOPS, 2);
    }

    @BeforeEach
    void grid() throws Exception {
        TrackFixture.district(api);
    }

    private JsonNode view() throws Exception {
        JsonNode map = TestServer.json(api.get("/api/v1/track/streets"));
        assertFits(api, "TrackMap", map);
        return map.get("cameraView");
    }

    @Test
    void confirmedHopsFitTheViewWhichOutlivesARestart() throws Exception {
        JsonNode before = view();
        assertEquals(25.0, before.get("reachMeters").asDouble(), "the default until something is learned");
        assertEquals(75.0, before.get("halfAngleDegrees").asDouble());
        assertEquals(0, before.get("fittedHops").asInt());
        assertFalse(before.has("fittedAt"));
        assertEquals(0, before.get("camerasWithOwnView").asInt());

        HttpResponse<String> created = api.postJson("/api/v1/cases", "{\"title\":\"walker\",\"mode\":\"WALK\"}");
        String id = TestServer.json(created).get("id").asText();
        // A (0,0) to B (60 m east) to A and back again: four possible legs of a minute each
        String[][] hops = {{"A", "14:03:00"}, {"B", "14:04:00"}, {"A", "14:05:00"}, {"B", "14:06:00"}, {"A", "14:07:00"}};
        for (String[] hop : hops) {
            assertEquals(201, api.postJson("/api/v1/cases/" + id + "/sightings", "{\"cameraId\":\"" + hop[0]
                    + "\",\"time\":\"2026-11-29T" + hop[1] + "Z\"}").statusCode());
        }
        HttpResponse<String> confirmed = api.post("/api/v1/cases/" + id + "/confirm", "application/json", "");
        assertEquals(4, TestServer.json(confirmed).get("hopsLearned").asInt(), confirmed.body());

        JsonNode fitted = view();
        for (int i = 0; i < 300 && fitted.get("fittedHops").asInt() == 0; i++) {
            Thread.sleep(100); // the fit runs on its own thread; this bounds the wait, it measures nothing
            fitted = view();
        }
        assertEquals(4, fitted.get("fittedHops").asInt(), "fitted to the four confirmed hops: " + fitted);
        assertTrue(fitted.has("fittedAt"));
        assertTrue(fitted.get("closeMeters").asDouble() <= fitted.get("reachMeters").asDouble());
        // two hops reached each of A and B (track.ownViewHops 2): whether either sees better on its own is the fit's call
        int own = fitted.get("camerasWithOwnView").asInt();
        assertTrue(own >= 0 && own <= 2, fitted.toString());

        api.close();
        api = TestServer.start(dir, this::configure);
        assertEquals(fitted, view(), "stored, and planned with again after a restart");
    }
}
