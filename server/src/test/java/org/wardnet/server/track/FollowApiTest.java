package org.wardnet.server.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.OpenApiAssertions.assertFits;
import static org.wardnet.server.ProblemAssertions.assertProblem;

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
 * Follow on a small street grid with ingested clips: the nearest cameras each way first, heading
 * and exclusions reshaping the answer, windows and clip seeks, manual links, cameras added and
 * moved while the server runs, and each bad input named.
 */
class FollowApiTest extends ApiTestBase {

    @BeforeEach
    void grid() throws Exception {
        TrackFixture.district(api);
    }

    private JsonNode follow(String extra) throws Exception {
        HttpResponse<String> answer = api.postJson("/api/v1/track/follow",
                "{\"cameraId\":\"A\",\"time\":\"2026-11-29T14:03:00Z\",\"mode\":\"WALK\",\"horizonSeconds\":300" + extra + "}");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = TestServer.json(answer);
        assertFits(api, "FollowAnswer", body);
        return body;
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("candidates").forEach(c -> ids.add(c.get("cameraId").asText()));
        return ids;
    }

    @Test
    void theNearestCameraEachWayComesFirstWithWindowAndClips() throws Exception {
        JsonNode answer = follow("");
        List<String> ids = ids(answer);
        assertEquals(java.util.Set.of("B", "C"), java.util.Set.copyOf(ids.subList(0, 2)), "one camera each way: " + ids);
        assertFalse(ids.contains("E"), "a camera 100 m from any street is not passed: " + ids);
        assertFalse(ids.contains("A"), "not the origin");
        JsonNode b = answer.get("candidates").get(ids.indexOf("B"));
        assertFits(api, "FollowCandidate", b);
        assertEquals(60.0, b.get("distanceMeters").asDouble(), 1.0);
        assertEquals(0.375, b.get("score").asDouble(), 0.001, "half the walkers go east, 75 % of them seen by B");
        // 60 m at 2.5 m/s is 24 s, at 0.6 m/s 100 s; 60 s clock-skew margin on both ends; whole seconds,
        // widened outward (the placed distance is 60 m give or take a few centimetres)
        java.time.Instant from = java.time.Instant.parse(b.get("window").get("from").asText());
        java.time.Instant to = java.time.Instant.parse(b.get("window").get("to").asText());
        assertEquals(java.time.Instant.parse("2026-11-29T14:02:24Z").getEpochSecond(), from.getEpochSecond(), 1.0);
        assertEquals(java.time.Instant.parse("2026-11-29T14:05:40Z").getEpochSecond(), to.getEpochSecond(), 1.0);
        assertEquals(0, from.getNano(), "whole seconds");
        assertEquals(1, b.get("clips").size());
        assertEquals(from.getEpochSecond() - java.time.Instant.parse("2026-11-29T14:00:00Z").getEpochSecond(),
                b.get("clips").get(0).get("seekSeconds").asDouble(), "from the clip's start to the window's");
        assertTrue(answer.get("camerasConsidered").asInt() >= 4);
        assertEquals(1.0, answer.get("model").get("priorWeight").asDouble(), "nothing learned yet");
        double review = 0;
        for (JsonNode c : answer.get("candidates")) {
            review += java.time.Duration.between(java.time.Instant.parse(c.get("window").get("from").asText()),
                    java.time.Instant.parse(c.get("window").get("to").asText())).toSeconds();
        }
        assertEquals(review, answer.get("videoSecondsToReview").asDouble(), 1.0, "every window is fully recorded");
    }

    @Test
    void headingAndExclusionsReshapeTheCandidates() throws Exception {
        assertEquals("B", ids(follow(",\"heading\":90")).get(0), "heading east");
        assertEquals("C", ids(follow(",\"heading\":270")).get(0), "heading west");
        List<String> past = ids(follow(",\"excludeCameraIds\":[\"B\"]"));
        assertFalse(past.contains("B"));
        assertTrue(past.indexOf("F") < 2, "B reviewed in vain: F, just past it, moves up: " + past);
        JsonNode lost = follow(",\"excludeCameraIds\":[\"B\",\"C\",\"F\"],\"searchedUntil\":\"2026-11-29T14:08:00Z\"");
        assertTrue(ids(lost).contains("D"), "the lost-since search reaches the cross street: " + ids(lost));
    }

    @Test
    void manualLinksForbidAndAdd() throws Exception {
        HttpResponse<String> forbid = api.postJson("/api/v1/track/links",
                "{\"from\":\"A\",\"to\":\"B\",\"kind\":\"FORBID\"}");
        assertEquals(201, forbid.statusCode(), forbid.body());
        assertFits(api, "TrackLinks", TestServer.json(forbid));
        assertFalse(ids(follow("")).contains("B"), "a wall between A and B");
        HttpResponse<String> add = api.postJson("/api/v1/track/links",
                "{\"from\":\"A\",\"to\":\"E\",\"kind\":\"ADD\",\"distanceMeters\":90}");
        assertEquals(201, add.statusCode(), add.body());
        JsonNode e = null;
        for (JsonNode c : follow("").get("candidates")) {
            if (c.get("cameraId").asText().equals("E")) {
                e = c;
            }
        }
        assertTrue(e == null || e.get("clips").size() == 0, "E has no footage");
        JsonNode links = TestServer.json(api.get("/api/v1/track/links?camera=A"));
        assertEquals(2, links.get("items").size());
        long forbidId = TestServer.json(forbid).get("items").get(0).get("id").asLong();
        assertEquals(204, api.delete("/api/v1/track/links/" + forbidId).statusCode());
        assertTrue(ids(follow("")).contains("B"), "the wall is gone");
        assertProblem(api.delete("/api/v1/track/links/" + forbidId), 404, "no track link");
        assertProblem(api.delete("/api/v1/track/links/../etc"), 404, "");
        assertProblem(api.postJson("/api/v1/track/links", "{\"from\":\"A\",\"to\":\"A\",\"kind\":\"MAYBE\"}"),
                400, "kind");
    }

    @Test
    void camerasAddedAndMovedAreReplacedOnTheMapAtOnce() throws Exception {
        TrackFixture.camera(api, "G", 130, 200);
        assertEquals("G", ids(follow(",\"heading\":90")).get(0), "a new camera between A and B is passed first");
        HttpResponse<String> moved = api.putJson("/api/v1/cameras/C", String.format(java.util.Locale.ROOT,
                "{\"siteId\":\"R1\",\"name\":\"Camera C\",\"location\":{\"lat\":%.7f,\"lon\":%.7f},"
                        + "\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/C\"}}", TrackFixture.lat(100), TrackFixture.lon(300)));
        assertEquals(200, moved.statusCode(), moved.body());
        assertFalse(ids(follow("")).subList(0, 2).contains("C"), "C moved away from A's street");
        assertEquals(204, api.delete("/api/v1/cameras/G").statusCode());
        assertFalse(ids(follow("")).contains("G"));
        JsonNode map = TestServer.json(api.get("/api/v1/track/streets"));
        assertFits(api, "TrackMap", map);
        assertEquals(12, map.get("streetSegments").asInt());
        assertEquals(9, map.get("crossings").asInt());
        assertEquals(6, map.get("cameras").asInt());
    }

    @Test
    void aCorridorListsTheCamerasAlongTheStreetsWithShiftedWindows() throws Exception {
        // from the west end of the middle street, east to the crossing, then north (the middle waypoint
        // picks this way among two of the same length)
        String body = String.format(java.util.Locale.ROOT, "{\"waypoints\":[{\"lat\":%.7f,\"lon\":%.7f},"
                + "{\"lat\":%.7f,\"lon\":%.7f},{\"lat\":%.7f,\"lon\":%.7f}],\"departure\":{\"from\":"
                + "\"2026-11-29T14:00:00Z\",\"to\":\"2026-11-29T14:01:00Z\"},\"mode\":\"WALK\"}",
                TrackFixture.lat(200), TrackFixture.lon(0), TrackFixture.lat(200), TrackFixture.lon(200),
                TrackFixture.lat(400), TrackFixture.lon(200));
        HttpResponse<String> answer = api.postJson("/api/v1/track/corridor", body);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode corridor = TestServer.json(answer);
        assertFits(api, "CorridorAnswer", corridor);
        assertEquals(400.0, corridor.get("routeMeters").asDouble(), 1.0, "200 m east and 200 m north");
        List<String> order = new ArrayList<>();
        corridor.get("cameras").forEach(c -> order.add(c.get("cameraId").asText()));
        assertEquals(List.of("C", "A", "B", "F", "D"), order, "in the order passed; E is off the streets");
        JsonNode d = corridor.get("cameras").get(4);
        assertEquals(300.0, d.get("distanceMeters").asDouble(), 1.0);
        // 300 m: 120 s at 2.5 m/s after the first departure, 500 s at 0.6 m/s after the last; 60 s margins,
        // whole seconds widened outward
        assertEquals(java.time.Instant.parse("2026-11-29T14:01:00Z").getEpochSecond(),
                java.time.Instant.parse(d.get("window").get("from").asText()).getEpochSecond(), 1.0);
        assertEquals(java.time.Instant.parse("2026-11-29T14:10:20Z").getEpochSecond(),
                java.time.Instant.parse(d.get("window").get("to").asText()).getEpochSecond(), 1.0);
        assertEquals(1, d.get("clips").size());
        assertProblem(api.postJson("/api/v1/track/corridor", "{\"waypoints\":[{\"lat\":29.87,\"lon\":121.55}],"
                + "\"departure\":{\"from\":\"2026-11-29T14:01:00Z\",\"to\":\"2026-11-29T14:00:00Z\"},"
                + "\"mode\":\"WALK\",\"bufferMeters\":0}"), 400, "waypoints");
    }

    @Test
    void badFollowRequestsAreNamed() throws Exception {
        assertProblem(api.postJson("/api/v1/track/follow",
                "{\"cameraId\":\"nobody\",\"time\":\"2026-11-29T14:03:00Z\",\"mode\":\"WALK\"}"), 404, "no camera 'nobody'");
        assertProblem(api.postJson("/api/v1/track/follow",
                "{\"cameraId\":\"A\",\"time\":\"2026-11-29T14:03:00Z\",\"mode\":\"WALK\",\"horizonSeconds\":3601}"),
                400, "horizonSeconds");
        assertProblem(api.postJson("/api/v1/track/follow",
                "{\"cameraId\":\"A\",\"time\":\"2026-11-29T14:03:00Z\",\"mode\":\"BOAT\"}"), 400, "mode");
        assertProblem(api.postJson("/api/v1/track/follow",
                "{\"cameraId\":\"A\",\"time\":\"yesterday\",\"mode\":\"WALK\",\"limit\":0}"), 400, "time");
        assertProblem(api.postJson("/api/v1/track/follow",
                "{\"cameraId\":\"A\",\"time\":\"2026-11-29T14:03:00Z\",\"mode\":\"WALK\",\"excludeCameraIds\":[\"zz\"]}"),
                400, "excludeCameraIds");
        assertProblem(api.postJson("/api/v1/track/follow",
                "{\"cameraId\":\"A\",\"time\":\"2025-01-01T14:03:00Z\",\"mode\":\"WALK\"}"), 422, "footage");
        assertProblem(api.postJson("/api/v1/track/follow", "{\"cameraId\":"), 400, "");
    }

    @Test
    void aModeNoStreetCarriesIsRefused() throws Exception {
        HttpResponse<String> walkOnly = api.send(HttpRequest.newBuilder(api.uri("/api/v1/track/streets"))
                .header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(TrackFixture.streetsCsv("WALK BIKE"))));
        assertEquals(200, walkOnly.statusCode(), walkOnly.body());
        assertProblem(api.postJson("/api/v1/track/follow",
                "{\"cameraId\":\"A\",\"time\":\"2026-11-29T14:03:00Z\",\"mode\":\"CAR\"}"), 422, "CAR");
        assertFalse(follow("").get("candidates").isEmpty(), "walking still works");
    }

    @Test
    void unreadableStreetNetworksAreRefusedWithTheirPlace() throws Exception {
        assertProblem(api.send(HttpRequest.newBuilder(api.uri("/api/v1/track/streets")).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString("a,b\n1,2\n"))), 400, "fromLat");
        assertProblem(api.send(HttpRequest.newBuilder(api.uri("/api/v1/track/streets")).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString("fromLat,fromLon,toLat,toLon\n1,2,3\n"))), 400, "line 2");
        assertProblem(api.send(HttpRequest.newBuilder(api.uri("/api/v1/track/streets"))
                .header("Content-Type", "application/geo+json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                                + "{\"type\":\"Point\",\"coordinates\":[121.5,29.8]}}]}"))), 400, "feature 1");
        assertProblem(api.send(HttpRequest.newBuilder(api.uri("/api/v1/track/streets"))
                .header("Content-Type", "application/geo+json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                                + "{\"type\":\"LineString\",\"coordinates\":[[121.5,91],[121.5,29.8]]}}]}"))), 400, "lat");
        assertEquals(12, TestServer.json(api.get("/api/v1/track/streets")).get("streetSegments").asInt(),
                "the stored network is untouched");
        HttpResponse<String> geo = api.send(HttpRequest.newBuilder(api.uri("/api/v1/track/streets"))
                .header("Content-Type", "application/geo+json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"oneway\":\"yes\"},"
                                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[" + TrackFixture.lon(0) + ","
                                + TrackFixture.lat(200) + "],[" + TrackFixture.lon(200) + "," + TrackFixture.lat(200)
                                + "],[" + TrackFixture.lon(400) + "," + TrackFixture.lat(200) + "]]}}]}")));
        assertEquals(200, geo.statusCode(), geo.body());
        assertEquals(2, TestServer.json(geo).get("streetSegments").asInt(), "a LineString of three points is two segments");
    }
}
