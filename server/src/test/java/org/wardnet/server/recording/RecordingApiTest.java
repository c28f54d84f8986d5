package org.wardnet.server.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.OpenApiAssertions.assertFits;
import static org.wardnet.server.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.run.SimulatedDistrict;

/**
 * A site's plan makes its cameras record from the simulated cameras: segments are indexed as they
 * close, served by range and read by ffprobe; removing the plan stops recording; bad plans are named.
 */
class RecordingApiTest extends ApiTestBase {

    @Override
    protected WardnetConfig configure(WardnetConfig config) {
        return config.with(WardnetKeys.RECORDING_SEGMENT_SECONDS, 2).with(WardnetKeys.RECORDING_STALL_SECONDS, 3)
                .with(WardnetKeys.RECORDING_MIN_FREE_BYTES, 1L << 20)
                .with(WardnetKeys.HEALTH_ENABLED, false);
    }

    @Test
    void aSitePlanRecordsItsCamerasUntilRemoved() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        List<SimulatedCamera> cameras = List.of(
                SimulatedCamera.of("rec1", "rtsp://127.1.245.1:554/live", null, "admin", "pw1", 18563),
                SimulatedCamera.of("rec2", "rtsp://127.1.245.2:554/live", null, "admin", "pw2", 18563));
        try (SimulatedDistrict district = SimulatedDistrict.start(group, H264Clip.shipped(), cameras)) {
            for (int i = 1; i <= 2; i++) {
                assertEquals(201, api.post("/api/v1/cameras", "application/json", "{\"id\":\"rec" + i + "\",\"siteId\":"
                        + "\"R1\",\"name\":\"Rec " + i + "\",\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":"
                        + "\"rtsp://127.1.245." + i + ":18563/live\",\"username\":\"admin\",\"password\":\"pw" + i + "\"}}")
                        .statusCode());
            }
            assertEquals(201, api.post("/api/v1/cameras", "application/json", "{\"id\":\"other\",\"siteId\":\"R2\","
                    + "\"name\":\"Not planned\",\"location\":{\"lat\":1,\"lon\":2},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/x\"}}")
                    .statusCode());
            HttpResponseCheck.ok(api.putJson("/api/v1/recording/plans/S1", "{\"mode\":\"CONTINUOUS\"}"));

            JsonNode clips = awaitClips("rec1", 2);
            awaitClips("rec2", 2);
            JsonNode status = TestServer.json(api.get("/api/v1/recording/status"));
            assertEquals(2, status.get("recording").asInt(), status.toString());
            assertFits(api, "RecordingStatus", status);
            JsonNode clip = clips.get("items").get(0);
            assertEquals("RECORDED", clip.get("origin").asText());
            assertEquals("H264", clip.get("codec").asText());
            assertEquals(640, clip.get("width").asInt());
            double seconds = clip.get("durationSeconds").asDouble();
            assertTrue(seconds >= 1.9 && seconds <= 3.1, "cut at the first key frame after 2 s: " + seconds);
            assertTrue(clip.get("keyFrames").asInt() >= 2);
            assertEquals(64, clip.get("sha256").asText().length());

            Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-headers", "Authorization: Bearer "
                    + api.adminToken() + "\r\n", "-show_entries", "stream=codec_name,width",
                    "-of", "csv=p=0", api.base + clip.get("mediaUrl").asText()).redirectErrorStream(true).start();
            String probed = new String(ffprobe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(ffprobe.waitFor(30, TimeUnit.SECONDS));
            assertEquals("h264,640", probed.strip());

            JsonNode timeline = TestServer.json(api.get("/api/v1/cameras/rec1/timeline?from="
                    + clips.get("items").get(0).get("start").asText() + "&to="
                    + clips.get("items").get(1).get("end").asText()));
            assertEquals(1, timeline.get("covered").size(), "consecutive segments are continuous: " + timeline);

            // an export across the boundary of two segments, starting mid-segment
            java.time.Instant firstStart = java.time.Instant.parse(clips.get("items").get(0).get("start").asText());
            java.time.Instant secondStart = java.time.Instant.parse(clips.get("items").get(1).get("start").asText());
            java.time.Instant from = firstStart.plusMillis(500);
            java.time.Instant to = secondStart.plusMillis(1000);
            java.net.http.HttpResponse<byte[]> export = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base + "/api/v1/cameras/rec1/export?from="
                            + from + "&to=" + to)).header("Authorization", "Bearer " + api.adminToken()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, export.statusCode(), new String(export.body(), StandardCharsets.UTF_8));
            assertEquals("video/mp4", export.headers().firstValue("content-type").orElse(""));
            assertTrue(export.headers().firstValue("content-disposition").orElse("").startsWith("attachment"));
            java.nio.file.Path exported = dir.resolve("export.mp4");
            java.nio.file.Files.write(exported, export.body());
            Process duration = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration",
                    "-of", "csv=p=0", exported.toString()).redirectErrorStream(true).start();
            String seconds2 = new String(duration.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(duration.waitFor(30, TimeUnit.SECONDS));
            double exportedSeconds = Double.parseDouble(seconds2);
            double expected = java.time.Duration.between(firstStart, to).toMillis() / 1000.0; // from the key frame before
            assertTrue(Math.abs(exportedSeconds - expected) < 0.2, "export " + exportedSeconds + " s, expected about "
                    + expected + " s");
            assertProblem(api.get("/api/v1/cameras/rec1/export?from=" + from + "&to=" + from.plusSeconds(3 * 3600)), 400,
                    "at most 2 h");
            assertProblem(api.get("/api/v1/cameras/other/export?from=" + from + "&to=" + to), 404, "no footage");

            assertEquals(204, api.delete("/api/v1/recording/plans/S1").statusCode());
            for (int i = 0; i < 200 && TestServer.json(api.get("/api/v1/recording/status")).get("recording").asInt() > 0;
                    i++) {
                Thread.sleep(100);
            }
            assertEquals(0, TestServer.json(api.get("/api/v1/recording/status")).get("recording").asInt());

            // Recorders stopped and started again (the plan deleted and put back) leave no thread behind.
            for (int round = 0; round < 3; round++) {
                HttpResponseCheck.ok(api.putJson("/api/v1/recording/plans/S1", "{\"mode\":\"CONTINUOUS\"}"));
                awaitClips("rec1", 3 + round);
                assertEquals(204, api.delete("/api/v1/recording/plans/S1").statusCode());
            }
            long left = recorderThreads();
            for (int i = 0; i < 300 && left > 0; i++) { // bounded: 30 s
                Thread.sleep(100);
                left = recorderThreads();
            }
            assertEquals(0, left, "recorder threads once no camera records");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private JsonNode awaitClips(String camera, int count) throws Exception {
        JsonNode clips = null;
        for (int i = 0; i < 300; i++) { // bounded wait for the recorder's segments to close
            clips = TestServer.json(api.get("/api/v1/clips?camera=" + camera
                    + "&from=2020-01-01T00:00:00Z&to=2020-01-31T00:00:00Z".replace("2020-01-01", today(-1))
                            .replace("2020-01-31", today(1))));
            if (clips.get("items").size() >= count) {
                return clips;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + count + " segments of " + camera + ": " + clips + " / "
                + api.get("/api/v1/recording/status").body());
    }

    private static long recorderThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("wardnet-recorder-"))
                .count();
    }

    private static String today(int days) {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(days).toString();
    }

    @Test
    void badPlansAreNamed() throws Exception {
        assertProblem(api.putJson("/api/v1/recording/plans/nowhere", "{\"mode\":\"CONTINUOUS\"}"), 404, "nowhere");
        assertProblem(api.putJson("/api/v1/recording/plans/S1", "{\"mode\":\"SOMETIMES\"}"), 400, "CONTINUOUS, SCHEDULED or OFF");
        assertProblem(api.putJson("/api/v1/recording/plans/S1", "{\"mode\":\"SCHEDULED\"}"), 400, "at least one window");
        assertProblem(api.putJson("/api/v1/recording/plans/S1", "{\"mode\":\"SCHEDULED\",\"windows\":[{\"days\":\"MON-XYZ\","
                + "\"from\":\"08:00\",\"to\":\"08:00\"}]}"), 400, "windows[0].days");
        HttpResponseCheck.ok(api.putJson("/api/v1/recording/plans/S1", "{\"mode\":\"SCHEDULED\",\"windows\":[{\"days\":"
                + "\"MON-FRI\",\"from\":\"22:00\",\"to\":\"06:00\"}]}"));
        JsonNode plans = TestServer.json(api.get("/api/v1/recording/plans"));
        assertFits(api, "RecordingPlans", plans);
        assertEquals("SCHEDULED", plans.get("items").get(0).get("mode").asText());
        assertEquals(List.of("MON", "TUE", "WED", "THU", "FRI").toString(),
                plans.get("items").get(0).get("windows").get(0).get("days").toString().replace("\"", "").replace(",", ", "));
        assertProblem(api.delete("/api/v1/recording/plans/R2"), 404, "no recording plan");
    }
}
