package org.wardnet.server.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.TestServer;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.run.SimulatedDistrict;

/** The server probing simulated cameras over real RTSP, as faults come and go. */
class HealthApiTest {

    private static final int PORT = 18555;

    @TempDir
    Path dir;

    /** Polls until the condition holds; the deadline only bounds a broken run. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(200);
        }
    }

    private static JsonNode json(TestServer api, String path) {
        try {
            return TestServer.json(api.get(path));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String camera(int n, String site) {
        return "{\"id\":\"cam" + n + "\",\"siteId\":\"" + site + "\",\"name\":\"Camera " + n + "\","
                + "\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"rtsp://127.1.251." + n + ":" + PORT
                + "/Streaming/Channels/101\",\"username\":\"admin\",\"password\":\"pw" + n + "\"}}";
    }

    @Test
    void statesCorrelationEventsHistoryAndMetricsFollowTheCameras() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        List<SimulatedCamera> simulated = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            simulated.add(SimulatedCamera.of("cam" + n, "rtsp://127.1.251." + n + ":554/Streaming/Channels/101", null,
                    "admin", "pw" + n, PORT));
        }
        try (SimulatedDistrict district = SimulatedDistrict.start(group, H264Clip.shipped(), simulated);
                TestServer api = TestServer.start(dir, c -> c.with(WardnetKeys.HEALTH_INTERVAL_SECONDS, 5)
                        .with(WardnetKeys.HEALTH_DEPTH, "DESCRIBE").with(WardnetKeys.HEALTH_OFFLINE_AFTER_FAILURES, 2)
                        .with(WardnetKeys.HEALTH_OFFLINE_AFTER_SECONDS, 0)
                        .with(WardnetKeys.HEALTH_REQUEST_TIMEOUT_MILLIS, 1_000))) {
            api.smallTree();
            for (int n = 1; n <= 6; n++) {
                assertEquals(201, api.postJson("/api/v1/cameras", camera(n, n <= 3 ? "R1" : "R2")).statusCode());
            }
            await("all six ONLINE", () -> json(api, "/api/v1/health/summary").get("counts").get("ONLINE").asInt() == 6);
            JsonNode cam1 = json(api, "/api/v1/cameras/cam1/health");
            assertEquals("ONLINE", cam1.get("state").asText());
            assertEquals("H264", cam1.get("stream").get("codec").asText());
            assertEquals(640, cam1.get("stream").get("width").asInt());

            List<String> stream = new CopyOnWriteArrayList<>();
            HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(api.uri("/api/v1/events"))
                    .header("Authorization", "Bearer " + api.adminToken()).build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(stream::add));

            district.fault("cam4", CameraFault.WRONG_CREDENTIALS);
            await("cam4 DEGRADED", () -> json(api, "/api/v1/cameras/cam4/health").get("state").asText().equals("DEGRADED"));
            assertEquals("credentials refused", json(api, "/api/v1/cameras/cam4/health").get("reason").asText());

            for (String id : List.of("cam1", "cam2", "cam3")) {
                district.fault(id, CameraFault.REFUSING);
            }
            await("R1 unreachable", () -> json(api, "/api/v1/health/summary?site=S1").get("children").get(0)
                    .get("unreachable").asBoolean());
            await("the site alarm streamed", () -> stream.stream().anyMatch(l -> l.equals("event: alarm"))
                    && stream.stream().anyMatch(l -> l.contains("\"id\":\"R1\"") && l.contains("UNREACHABLE")
                            && l.contains("\"groupedBy\":\"S1\"")));

            for (String id : List.of("cam1", "cam2", "cam3", "cam4")) {
                district.fault(id, CameraFault.NONE);
            }
            await("R1 reachable again", () -> !json(api, "/api/v1/health/summary?site=S1").get("children").get(0)
                    .get("unreachable").asBoolean());
            await("all six ONLINE again", () -> json(api, "/api/v1/health/summary").get("counts").get("ONLINE").asInt() == 6);
            await("the recovery streamed", () -> stream.stream().anyMatch(l -> l.contains("\"id\":\"R1\"")
                    && l.contains("\"to\":\"REACHABLE\"") && l.contains("\"alarm\":false")));
            assertEquals(1, stream.stream().filter(l -> l.equals("event: alarm")).count(),
                    "one alarm for the cut (S1, whose cameras are all R1's), none per camera: " + stream);

            JsonNode history = json(api, "/api/v1/cameras/cam4/health").get("history");
            List<String> transitions = new ArrayList<>();
            history.forEach(e -> transitions.add(e.get("from").asText() + ">" + e.get("to").asText()));
            assertTrue(transitions.contains("ONLINE>DEGRADED") && transitions.contains("DEGRADED>ONLINE"),
                    transitions.toString());

            String metrics = api.get("/metrics").body();
            assertTrue(metrics.contains("wardnet_cameras_health{state=\"ONLINE\",tier=\"ROOM\"} 6.0"), metrics);
            assertTrue(metrics.contains("wardnet_probe_errors_total{class=\"REFUSED\"}"), "errors by class");
            assertTrue(metrics.contains("wardnet_probe_duration_seconds_bucket"), "probe latency histogram");
            assertTrue(metrics.contains("wardnet_probes_missed 0.0"), "no missed probes");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
