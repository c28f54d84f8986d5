package org.wardnet.server.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.OpenApiAssertions.assertFits;
import static org.wardnet.server.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * Street files as a new user uploads them, flaws included: disconnected pieces, a street given
 * twice, a segment of zero length, a camera far from every street. The upload is taken, and its
 * answer says what was dropped, merged and left unconnected; a follow from a camera the streets do
 * not reach, or before any view was fitted, says so; a heading out of range is refused.
 */
class StreetCheckApiTest extends ApiTestBase {

    @BeforeEach
    void grid() throws Exception {
        TrackFixture.district(api);
    }

    private HttpResponse<String> putGeoJson(String features) throws Exception {
        return api.send(HttpRequest.newBuilder(api.uri("/api/v1/track/streets"))
                .header("Content-Type", "application/geo+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}")));
    }

    private static String line(double... eastNorth) {
        StringBuilder coordinates = new StringBuilder();
        for (int i = 0; i < eastNorth.length; i += 2) {
            coordinates.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.7f,%.7f]",
                    TrackFixture.lon(eastNorth[i]), TrackFixture.lat(eastNorth[i + 1])));
        }
        return "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":["
                + coordinates + "]}}";
    }

    @Test
    void aFlawedStreetFileIsTakenAndItsFlawsNamed() throws Exception {
        HttpResponse<String> put = putGeoJson(String.join(",",
                line(0, 200, 200, 200, 400, 200),   // the street A, B, C and F stand on
                line(200, 200, 0, 200),             // the same piece again, drawn the other way
                line(200, 0, 200, 200, 200, 400),   // a cross street, joined at (200, 200)
                line(300, 300, 300, 300),           // zero length
                line(1000, 1000, 1200, 1000)));     // a piece nothing joins, 1 km away
        assertEquals(200, put.statusCode(), put.body());
        JsonNode map = TestServer.json(put);
        assertFits(api, "TrackMap", map);
        JsonNode check = map.get("check");
        assertEquals(1, check.get("zeroLengthDropped").asInt(), check.toString());
        assertEquals(1, check.get("duplicatesMerged").asInt(), check.toString());
        assertEquals(2, check.get("pieces").asInt(), check.toString());
        assertEquals(4 / 5.0, check.get("largestPieceShare").asDouble(), 1e-9, "4 of 5 edges: " + check);
        // E stands 100 m south of the street and 100 m west of the cross street; D stands on the cross street
        assertEquals(1, check.get("camerasOffStreets").asInt(), check.toString());
        assertEquals("[\"E\"]", check.get("offStreetExamples").toString());
        assertEquals(5, map.get("edges").asInt(), "every edge is planned on, however unconnected");

        // a street drawn across another without a shared point does not join it (a bridge would not)
        JsonNode bridged = TestServer.json(putGeoJson(String.join(",", line(0, 200, 200, 200, 400, 200),
                line(200, 0, 200, 400)))).get("check");
        assertEquals(2, bridged.get("pieces").asInt(), bridged.toString());
        assertEquals(2 / 3.0, bridged.get("largestPieceShare").asDouble(), 1e-9, "2 of 3 edges: " + bridged);
    }

    @Test
    void aFollowFromACameraOffTheStreetsSaysSo() throws Exception {
        JsonNode fromE = follow("E", "");
        assertFalse(fromE.get("model").get("originOnStreets").asBoolean(), fromE.toString());
        assertFalse(fromE.get("candidates").isEmpty(), "still proposes cameras, by straight-line distance: " + fromE);
        JsonNode fromA = follow("A", "");
        assertTrue(fromA.get("model").get("originOnStreets").asBoolean(), fromA.toString());
    }

    @Test
    void aFollowBeforeAnyViewIsFittedSaysSo() throws Exception {
        JsonNode answer = follow("A", ",\"heading\":90");
        assertFalse(answer.get("model").get("viewFitted").asBoolean(), answer.toString());
        assertEquals("B", answer.get("candidates").get(0).get("cameraId").asText(), "the default view still plans");
    }

    @Test
    void aHeadingOutOfRangeIsRefused() throws Exception {
        for (String heading : new String[] {"360", "-1", "400.5"}) {
            assertProblem(api.postJson("/api/v1/track/follow", "{\"cameraId\":\"A\",\"time\":\"2026-11-29T14:03:00Z\","
                    + "\"mode\":\"WALK\",\"heading\":" + heading + "}"), 400, "heading");
        }
        assertProblem(api.postJson("/api/v1/track/follow", "{\"cameraId\":\"A\",\"time\":\"2026-11-29T14:03:00Z\","
                + "\"mode\":\"WALK\",\"heading\":\"east\"}"), 400, "heading");
    }

    private JsonNode follow(String camera, String extra) throws Exception {
        HttpResponse<String> answer = api.postJson("/api/v1/track/follow", "{\"cameraId\":\"" + camera
                + "\",\"time\":\"2026-11-29T14:03:00Z\",\"mode\":\"WALK\",\"horizonSeconds\":300" + extra + "}");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = TestServer.json(answer);
        assertFits(api, "FollowAnswer", body);
        return body;
    }
}
