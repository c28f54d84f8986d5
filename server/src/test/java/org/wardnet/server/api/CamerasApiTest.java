package org.wardnet.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

class CamerasApiTest extends ApiTestBase {

    @Test
    void registerReadAndListWithoutEverShowingPasswords() throws Exception {
        HttpResponse<String> created = api.postJson("/api/v1/cameras", TestServer.camera("34020000001320000001", "R1"));
        assertEquals(201, created.statusCode(), created.body());
        assertFalse(created.body().contains("hunter2"), created.body());
        JsonNode camera = TestServer.json(api.get("/api/v1/cameras/34020000001320000001"));
        assertEquals(29.87, camera.get("location").get("lat").asDouble());
        assertTrue(camera.get("onvif").get("passwordSet").asBoolean());
        assertFalse(camera.get("onvif").has("password"));
        HttpResponse<String> list = api.get("/api/v1/cameras");
        assertFalse(list.body().contains("hunter2"), list.body());
        assertEquals(1, TestServer.json(list).get("items").size());
    }

    @Test
    void replaceKeepsAnOmittedPassword() throws Exception {
        api.postJson("/api/v1/cameras", TestServer.camera("cam1", "R1"));
        HttpResponse<String> replaced = api.putJson("/api/v1/cameras/cam1", "{\"siteId\":\"R2\",\"name\":\"moved\","
                + "\"location\":{\"lat\":1,\"lon\":2},\"rtsp\":{\"url\":\"rtsp://127.1.0.1/main\",\"username\":\"admin\"}}");
        assertEquals(200, replaced.statusCode(), replaced.body());
        JsonNode camera = TestServer.json(replaced);
        assertEquals("R2", camera.get("siteId").asText());
        assertTrue(camera.get("rtsp").get("passwordSet").asBoolean(), "omitted password is kept");
        assertFalse(camera.has("onvif"), "onvif was left out of the replacement");
    }

    @Test
    void outOfRangeCoordinatesAndBadUrlsNameTheirFields() throws Exception {
        JsonNode problem = assertProblem(api.postJson("/api/v1/cameras", "{\"id\":\"c\",\"siteId\":\"R1\",\"name\":\"n\","
                + "\"location\":{\"lat\":91,\"lon\":-200},\"heading\":400,"
                + "\"rtsp\":{\"url\":\"rtsp://admin:pw@127.1.0.1/\"}}"), 400, "location.lat");
        java.util.List<String> fields = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(java.util.List.of("location.lat", "location.lon", "heading", "rtsp.url"), fields);
        assertFalse(problem.toString().contains(":pw@"), "credentials are not echoed back");
        assertEquals(404, api.get("/api/v1/cameras/c").statusCode());
    }

    @Test
    void wrongTypesMissingFieldsAndUnknownSites() throws Exception {
        assertProblem(api.postJson("/api/v1/cameras", "{\"id\":\"c\",\"siteId\":\"R1\",\"name\":\"n\","
                + "\"location\":{\"lat\":\"north\",\"lon\":1}}"), 400, "field 'location.lat': expected a number");
        assertProblem(api.postJson("/api/v1/cameras", "{\"id\":\"c\",\"siteId\":\"R1\",\"name\":\"n\","
                + "\"location\":{\"lat\":1,\"lon\":1,\"alt\":3},\"rtsp\":{\"url\":\"rtsp://h/\"}}"), 400,
                "unknown field 'location.alt'");
        assertProblem(api.postJson("/api/v1/cameras", "{\"id\":\"c\",\"siteId\":\"R1\",\"name\":\"n\","
                + "\"location\":{\"lat\":1,\"lon\":1}}"), 400, "a camera needs an ONVIF endpoint");
        assertProblem(api.postJson("/api/v1/cameras", TestServer.camera("c", "R404")), 400, "no site 'R404'");
        api.postJson("/api/v1/cameras", TestServer.camera("c", "R1"));
        assertProblem(api.postJson("/api/v1/cameras", TestServer.camera("c", "R2")), 409, "already exists");
        assertProblem(api.putJson("/api/v1/cameras/nope", TestServer.camera("nope", "R1")), 404, "no camera 'nope'");
        assertProblem(api.putJson("/api/v1/cameras/c", TestServer.camera("other", "R1")), 400, "must match the path");
    }

    @Test
    void deleteAndHead() throws Exception {
        api.postJson("/api/v1/cameras", TestServer.camera("c", "R1"));
        HttpResponse<String> head = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/cameras/c"))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(204, api.delete("/api/v1/cameras/c").statusCode());
        assertProblem(api.delete("/api/v1/cameras/c"), 404, "no camera 'c'");
    }

    @Test
    void bodyOverTheLimitIsRefused() throws Exception {
        String huge = "{\"id\":\"c\",\"siteId\":\"R1\",\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(api.postJson("/api/v1/cameras", huge), 413, "the limit here is 1048576 bytes");
        assertEquals(200, api.get("/healthz").statusCode(), "the server carries on");
    }
}
