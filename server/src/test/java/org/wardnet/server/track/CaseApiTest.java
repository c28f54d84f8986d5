package org.wardnet.server.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.OpenApiAssertions.assertFits;
import static org.wardnet.server.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.TrackKeys;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * Sightings in and out, and a case from first hop to evidence bundle: legs flagged when time runs
 * backwards or the speed is impossible, confirmation teaching the planner, the ZIP's manifest
 * checked file by file, its video read by Debian's ffprobe.
 */
class CaseApiTest extends ApiTestBase {

    /**
     * Clocks taken as right, so a leg's flags follow its timestamps alone (with a margin, a short
     * leg on this small grid is never too fast: {@link CaseClockSkewApiTest}).
     */
    @Override
    protected WardnetConfig configure(WardnetConfig config) {
        return config.with(TrackKeys.TRACK_CLOCK_SKEW_SECONDS, 0);
    }

    @BeforeEach
    void grid() throws Exception {
        TrackFixture.district(api);
    }

    private static String sighting(String camera, String time, String kind, String value) {
        return "{\"cameraId\":\"" + camera + "\",\"time\":\"" + time + "\",\"kind\":\"" + kind + "\""
                + (value == null ? "" : ",\"value\":\"" + value + "\"") + ",\"confidence\":0.9}";
    }

    @Test
    void aPlatesTrajectoryComesBackInTimeOrderWithLocations() throws Exception {
        HttpResponse<String> one = api.postJson("/api/v1/sightings", sighting("B", "2026-11-29T14:04:00Z", "plate", "ZJ-B12345"));
        assertEquals(201, one.statusCode(), one.body());
        assertFits(api, "Sighting", TestServer.json(one));
        String batch = sighting("D", "2026-11-29T14:06:00Z", "plate", "ZJ-B12345") + "\n"
                + sighting("nobody", "2026-11-29T14:05:00Z", "plate", "ZJ-B12345") + "\n"
                + sighting("A", "2026-11-29T14:03:00Z", "PLATE", "ZJ-B12345") + "\n"
                + sighting("A", "2026-11-29T14:03:30Z", "plate", "ZJ-OTHER") + "\n";
        HttpResponse<String> atomic = api.post("/api/v1/sightings?atomic=true", "application/x-ndjson", batch);
        JsonNode rejected = assertProblem(atomic, 422, "no sightings were stored");
        assertEquals(1, rejected.get("failed").asInt());
        assertEquals(2, rejected.get("results").get(1).get("row").asInt());
        HttpResponse<String> lenient = api.post("/api/v1/sightings", "application/x-ndjson", batch);
        assertEquals(200, lenient.statusCode(), lenient.body());
        assertEquals(3, TestServer.json(lenient).get("created").asInt());
        JsonNode trail = TestServer.json(api.get("/api/v1/sightings?kind=plate&value=ZJ-B12345"
                + "&from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z"));
        assertFits(api, "SightingPage", trail);
        assertEquals(List.of("A", "B", "D"), List.of(trail.get("items").get(0).get("cameraId").asText(),
                trail.get("items").get(1).get("cameraId").asText(), trail.get("items").get(2).get("cameraId").asText()));
        assertEquals(TrackFixture.lat(200), trail.get("items").get(0).get("location").get("lat").asDouble(), 1e-6);
        JsonNode paged = TestServer.json(api.get("/api/v1/sightings?kind=plate&value=ZJ-B12345"
                + "&from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z&limit=2"));
        assertEquals(2, paged.get("items").size());
        JsonNode rest = TestServer.json(api.get("/api/v1/sightings?kind=plate&value=ZJ-B12345"
                + "&from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z&limit=2&cursor=" + paged.get("nextCursor").asText()));
        assertEquals("D", rest.get("items").get(0).get("cameraId").asText());
        assertEquals(4, TestServer.json(api.get("/api/v1/sightings?kind=plate&from=2026-11-29T14:00:00Z"
                + "&to=2026-11-29T15:00:00Z")).get("items").size(), "every plate without a value");
        assertProblem(api.get("/api/v1/sightings?from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z"), 400, "kind");
        assertProblem(api.get("/api/v1/sightings?kind=smell&from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z"), 400, "kind");
        assertProblem(api.get("/api/v1/sightings?kind=plate&from=2026-11-29T15:00:00Z&to=2026-11-29T14:00:00Z"), 400, "to");
        assertProblem(api.postJson("/api/v1/sightings", sighting("A", "2026-11-29T14:03:00Z", "plate", null)), 400, "value");
        assertProblem(api.postJson("/api/v1/sightings", "{\"cameraId\":\"A\",\"time\":\"2026-11-29T14:03:00Z\","
                + "\"kind\":\"manual\",\"confidence\":7}"), 400, "confidence");
        assertEquals(200, api.get("/api/v1/sightings?kind=plate&value=%27%20OR%201%3D1--"
                + "&from=2026-11-29T14:00:00Z&to=2026-11-29T15:00:00Z").statusCode(), "SQL metacharacters are a value");
    }

    private String newCase(String mode) throws Exception {
        HttpResponse<String> created = api.postJson("/api/v1/cases", "{\"title\":\"Bag snatch, Zhongshan Rd\""
                + (mode == null ? "" : ",\"mode\":\"" + mode + "\"") + "}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = TestServer.json(created);
        assertFits(api, "Case", body);
        assertEquals("/api/v1/cases/" + body.get("id").asText(), created.headers().firstValue("location").orElseThrow());
        return body.get("id").asText();
    }

    private JsonNode add(String caseId, String camera, String time) throws Exception {
        HttpResponse<String> added = api.postJson("/api/v1/cases/" + caseId + "/sightings",
                "{\"cameraId\":\"" + camera + "\",\"time\":\"" + time + "\",\"note\":\"seen\"}");
        assertEquals(201, added.statusCode(), added.body());
        return TestServer.json(added);
    }

    @Test
    void aRouteIsCheckedLegByLegAndItsConfirmationTeachesThePlanner() throws Exception {
        String id = newCase(null);
        add(id, "A", "2026-11-29T14:03:00Z");
        add(id, "B", "2026-11-29T14:04:00Z"); // 60 m in 60 s
        add(id, "C", "2026-11-29T14:04:05Z"); // 120 m in 5 s: no walker
        JsonNode route = add(id, "D", "2026-11-29T14:03:30Z"); // before the previous hop
        assertFits(api, "Case", route);
        JsonNode legs = route.get("legs");
        assertEquals(3, legs.size());
        assertEquals(0, legs.get(0).get("flags").size());
        assertEquals(1.0, legs.get(0).get("speedMetersPerSecond").asDouble(), 0.05);
        assertEquals("TOO_FAST", legs.get(1).get("flags").get(0).asText());
        assertEquals(120.0, legs.get(1).get("distanceMeters").asDouble(), 1.0, "along the street");
        assertEquals("TIME_BACKWARDS", legs.get(2).get("flags").get(0).asText());
        assertEquals(2, route.get("impossibleLegs").asInt());
        assertEquals(5, route.get("history").size(), "created and four sightings");
        assertNotNull(route.get("route").get(0).get("location"));
        HttpResponse<String> confirmed = api.post("/api/v1/cases/" + id + "/confirm", "application/json", "");
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals(1, TestServer.json(confirmed).get("hopsLearned").asInt(), "only the possible leg A to B");
        assertEquals("CONFIRMED", TestServer.json(confirmed).get("state").asText());
        JsonNode follow = TestServer.json(api.postJson("/api/v1/track/follow",
                "{\"cameraId\":\"A\",\"time\":\"2026-11-29T14:10:00Z\",\"mode\":\"WALK\"}"));
        assertEquals(1, follow.get("model").get("learnedHops").asInt());
        assertEquals(2.0 / 3, follow.get("model").get("priorWeight").asDouble(), 1e-4, "k = 2 hops against 1 learned"
                + " (four decimals)");
        assertEquals("B", follow.get("candidates").get(0).get("cameraId").asText(), "the learned hop ranks first");
        assertProblem(api.post("/api/v1/cases/" + id + "/confirm", "application/json", ""), 409, "already confirmed");
        assertProblem(api.postJson("/api/v1/cases/" + id + "/sightings",
                "{\"cameraId\":\"A\",\"time\":\"2026-11-29T14:20:00Z\"}"), 409, "confirmed");
    }

    @Test
    void learnedHopsSurviveARestart() throws Exception {
        String id = newCase("WALK");
        add(id, "A", "2026-11-29T14:03:00Z");
        add(id, "C", "2026-11-29T14:04:10Z");
        assertEquals(200, api.post("/api/v1/cases/" + id + "/confirm", "application/json", "").statusCode());
        api.close();
        api = TestServer.start(dir, this::configure);
        JsonNode follow = TestServer.json(api.postJson("/api/v1/track/follow",
                "{\"cameraId\":\"A\",\"time\":\"2026-11-29T14:10:00Z\",\"mode\":\"WALK\"}"));
        assertEquals(1, follow.get("model").get("learnedHops").asInt());
        assertEquals("C", follow.get("candidates").get(0).get("cameraId").asText());
        assertEquals(2, TestServer.json(api.get("/api/v1/cases/" + id)).get("route").size());
    }

    @Test
    void badCaseRequestsAreNamed() throws Exception {
        assertProblem(api.postJson("/api/v1/cases", "{\"title\":\"\"}"), 400, "title");
        assertProblem(api.postJson("/api/v1/cases", "{\"title\":\"x\",\"mode\":\"SWIM\"}"), 400, "mode");
        assertProblem(api.get("/api/v1/cases/8a3f0c4e-0000-4000-8000-000000000000"), 404, "no case");
        assertProblem(api.get("/api/v1/cases/..%2F..%2Fetc"), 404, "no resource");
        String id = newCase("CAR");
        assertProblem(api.postJson("/api/v1/cases/" + id + "/sightings", "{\"cameraId\":\"nobody\","
                + "\"time\":\"2026-11-29T14:03:00Z\"}"), 400, "nobody");
        assertProblem(api.postJson("/api/v1/cases/" + id + "/sightings", "{\"cameraId\":\"A\",\"time\":\"noon\"}"),
                400, "time");
        assertProblem(api.postJson("/api/v1/cases/" + id + "/sightings", "{\"cameraId\":\"A\","
                + "\"time\":\"2026-11-29T14:03:00Z\",\"clipId\":999}"), 400, "clip");
        assertProblem(api.post("/api/v1/cases/" + id + "/confirm", "application/json", ""), 409, "at least two");
        HttpResponse<String> odd = api.postJson("/api/v1/cases", "{\"title\":\"'; DROP TABLE track_case; --\"}");
        assertEquals(201, odd.statusCode(), odd.body());
        assertEquals("'; DROP TABLE track_case; --", TestServer.json(api.get("/api/v1/cases/"
                + TestServer.json(odd).get("id").asText())).get("title").asText(), "stored as text");
    }

    @Test
    void theEvidenceBundleListsEveryFileWithItsHash() throws Exception {
        Path recordings = Files.createDirectories(dir.resolve("recordings"));
        Path h264 = dir.resolve("clip.h264");
        try (InputStream in = CaseApiTest.class.getResourceAsStream("/clip/testsrc-640x360-25fps.h264")) {
            Files.copy(in, h264);
        }
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-f", "h264", "-framerate", "25",
                "-i", h264.toString(), "-c", "copy", recordings.resolve("20261129T140259Z.mp4").toString())
                .redirectErrorStream(true).start();
        assertTrue(ffmpeg.waitFor(30, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0);
        HttpResponse<String> imported = api.postJson("/api/v1/clips/import",
                "{\"directory\":\"" + recordings + "\",\"cameraId\":\"A\"}");
        assertEquals(200, imported.statusCode(), imported.body());
        String id = newCase(null);
        add(id, "A", "2026-11-29T14:03:00Z");
        add(id, "B", "2026-11-29T14:04:00Z");
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                api.uri("/api/v1/cases/" + id + "/export")).header("Authorization", "Bearer " + api.adminToken())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("content-type").orElseThrow());
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
        assertEquals(id, manifest.get("caseId").asText());
        assertEquals(4, manifest.get("files").size(), "A's cut, the route, the case and its audit entries: " + manifest);
        for (JsonNode file : manifest.get("files")) {
            byte[] content = files.get(file.get("name").asText());
            assertNotNull(content, "listed and present: " + file);
            assertEquals(file.get("bytes").asLong(), content.length);
            assertEquals(file.get("sha256").asText(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content)));
        }
        assertEquals(2, manifest.get("notIncluded").size(), "the edge recorders' hour of A and of B, by URL");
        assertEquals("http://10.0.0.9/rec/B/1400.mp4", manifest.get("notIncluded").get(1).get("mediaUrl").asText());
        JsonNode route = new ObjectMapper().readTree(files.get("route.geojson"));
        assertEquals("LineString", route.get("features").get(0).get("geometry").get("type").asText());
        assertEquals(2, route.get("features").get(0).get("geometry").get("coordinates").size());
        JsonNode caseFile = new ObjectMapper().readTree(files.get("case.json"));
        assertEquals(3, caseFile.get("history").size());
        JsonNode audit = new ObjectMapper().readTree(files.get("audit.json"));
        assertEquals(List.of("case.add", "case.add"), java.util.stream.StreamSupport.stream(audit.spliterator(), false)
                .map(e -> e.get("action").asText()).toList(), "the trail's entries about this case: " + audit);
        assertEquals("/api/v1/cases/" + id + "/sightings", audit.get(0).get("target").asText());
        assertEquals("admin", audit.get(0).get("actor").asText());
        assertEquals(64, audit.get(1).get("hash").asText().length());
        String video = files.keySet().stream().filter(n -> n.startsWith("clips/")).findFirst().orElseThrow();
        Path extracted = dir.resolve("extracted.mp4");
        Files.write(extracted, files.get(video));
        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width",
                "-of", "csv=p=0", extracted.toString()).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(probe.waitFor(30, TimeUnit.SECONDS));
        assertEquals("h264,640", out, "ffprobe reads the exported cut");
    }
}
