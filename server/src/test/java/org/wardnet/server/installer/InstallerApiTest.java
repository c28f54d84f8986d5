package org.wardnet.server.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.OpenApiAssertions.assertFits;
import static org.wardnet.server.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;
import org.wardnet.simulator.onvif.DiscoveryResponder;
import org.wardnet.simulator.camera.OnvifPersona;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.run.SimulatedDistrict;

/**
 * The installer's flow over the real API against simulated cameras: discover a range, register the
 * candidates to a room with verification, follow the batch to its summary, then read back the
 * checklists, the snapshot and the RTSP URLs the verification filled in; and the bad requests.
 */
class InstallerApiTest extends ApiTestBase {

    private static final int PORT = 18559;
    private static final int DISCOVERY_PORT = 13704;
    private static final String NET = "127.1.249.";
    private static final String[] VENDORS = {"Hikvision", "Axis", "Uniview", "Dahua", "Bosch", "Hikvision", "Hikvision",
            "Hikvision", "Hikvision", "Hikvision", "Hikvision", "Hikvision", "Hikvision"};

    private static EventLoopGroup group;
    private static SimulatedDistrict district;
    private static DiscoveryResponder responder;

    @BeforeAll
    static void startCameras() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        List<SimulatedCamera> cameras = new ArrayList<>();
        for (int i = 0; i < VENDORS.length; i++) {
            SimulatedCamera camera = SimulatedCamera.of("sim" + i, "rtsp://" + NET + (i + 1) + ":554/ch1/main",
                    "rtsp://" + NET + (i + 1) + ":554/ch1/sub", "admin", "install-pw", PORT);
            camera.persona(OnvifPersona.of("sim" + i, VENDORS[i], "M" + i, "room-r1"));
            cameras.add(camera);
        }
        cameras.get(6).fault(CameraFault.WRONG_CREDENTIALS);
        cameras.get(7).fault(CameraFault.DOWN); // answers discovery, never HTTP
        cameras.get(8).fault(CameraFault.HTML_ERROR);
        cameras.get(9).fault(CameraFault.NO_PROFILES);
        cameras.get(10).fault(CameraFault.OVERSIZED);
        cameras.get(11).fault(CameraFault.MALFORMED);
        cameras.get(12).fault(CameraFault.CLOCK_SKEW);
        cameras.get(12).clockSkewSeconds(-4 * 3600);
        district = SimulatedDistrict.start(group, H264Clip.shipped(), cameras);
        responder = DiscoveryResponder.start(DiscoveryResponder.byHost(cameras), c -> district.isListening(c.id()),
                DISCOVERY_PORT, "lo");
    }

    @AfterAll
    static void stopCameras() {
        responder.close();
        district.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    protected WardnetConfig configure(WardnetConfig config) {
        return config.with(WardnetKeys.ONVIF_REPLY_TIMEOUT_MILLIS, 1_500).with(WardnetKeys.HEALTH_ENABLED, false)
                .with(WardnetKeys.ONVIF_MAX_RESPONSE_BYTES, 1024 * 1024);
    }

    private JsonNode discover() throws Exception {
        HttpResponse<String> found = api.post("/api/v1/discovery", "application/json",
                "{\"range\":\"" + NET + "1-" + NET + "16\",\"port\":" + DISCOVERY_PORT + ",\"windowMillis\":600}");
        assertEquals(200, found.statusCode(), found.body());
        return TestServer.json(found);
    }

    @Test
    void discoverRegisterVerifyEndToEnd() throws Exception {
        JsonNode first = discover();
        assertFits(api, "DiscoveryResult", first);
        assertFits(api, "DiscoveryCandidate", first.get("candidates").get(0));
        assertEquals(32, first.get("probesSent").asInt());
        assertEquals(13, first.get("found").asInt());
        assertEquals(13, first.get("new").asInt());

        StringBuilder candidates = new StringBuilder();
        for (JsonNode c : first.get("candidates")) {
            assertTrue(c.get("xaddr").asText().startsWith("http://" + NET), c.toString());
            candidates.append(candidates.length() == 0 ? "" : ",").append("{\"xaddr\":\"").append(c.get("xaddr").asText())
                    .append("\",\"endpoint\":\"").append(c.get("endpoint").asText()).append("\",\"id\":\"")
                    .append(c.get("name").asText()).append("\"}");
        }
        HttpResponse<String> registered = api.post("/api/v1/discovery/register", "application/json",
                "{\"siteId\":\"R1\",\"username\":\"admin\",\"password\":\"install-pw\",\"location\":{\"lat\":29.87,"
                        + "\"lon\":121.55},\"verify\":true,\"candidates\":[" + candidates + "]}");
        assertEquals(201, registered.statusCode(), registered.body());
        JsonNode registration = TestServer.json(registered);
        assertFits(api, "RegisterResult", registration);
        assertEquals(13, registration.get("created").asInt());

        // every fault in one batch: each fails its own step, none stalls the batch
        JsonNode status = awaitDone(registration.get("verificationUrl").asText());
        assertFits(api, "VerificationBatch", status);
        assertEquals(13, status.get("total").asInt());
        assertEquals(7, status.get("passed").asInt(), status.toString());
        assertEquals(6, status.get("failed").asInt());
        assertEquals(100.0, status.get("percent").asDouble());
        assertEquals(1, status.get("failuresByStep").get("AUTHENTICATED").asInt());
        assertEquals(4, status.get("failuresByStep").get("REACHABLE").asInt(), status.toString());
        assertEquals(1, status.get("failuresByStep").get("PROFILES").asInt());
        assertEquals(13, status.get("events").size());
        assertEquals(3, TestServer.json(api.get(registration.get("verificationUrl").asText() + "?since=10"))
                .get("events").size());
        JsonNode skewed = TestServer.json(api.get("/api/v1/cameras/sim12/verification"));
        assertTrue(skewed.get("passed").asBoolean());
        assertEquals("WARN", skewed.get("checks").get(1).get("status").asText());
        assertTrue(skewed.get("checks").get(1).get("detail").asText().contains("4 h 0 min behind ours"));
        for (String[] fault : new String[][] {{"sim8", "NOT_SOAP"}, {"sim10", "TOO_LARGE"}, {"sim11", "MALFORMED_XML"},
            {"sim7", "TIMEOUT"}}) {
            JsonNode failed = TestServer.json(api.get("/api/v1/cameras/" + fault[0] + "/verification"));
            assertTrue(failed.get("checks").get(0).get("detail").asText().startsWith(fault[1]), failed.toString());
            assertEquals("SKIPPED", failed.get("checks").get(10).get("status").asText());
        }

        JsonNode again = discover();
        assertEquals(13, again.get("registered").asInt());
        assertEquals(0, again.get("new").asInt());
        assertEquals("sim0", again.get("candidates").get(0).get("cameraId").asText());

        JsonNode camera = TestServer.json(api.get("/api/v1/cameras/sim1"));
        assertEquals("rtsp://" + NET + "2:" + PORT + "/ch1/main", camera.get("rtsp").get("url").asText(), camera.toString());
        assertEquals("rtsp://" + NET + "2:" + PORT + "/ch1/sub", camera.get("rtsp").get("subUrl").asText());
        assertEquals("Axis", camera.get("vendor").asText());

        JsonNode stored = TestServer.json(api.get("/api/v1/cameras/sim3/verification"));
        assertFits(api, "Verification", stored);
        assertFits(api, "VerifyCheck", stored.get("checks").get(0));
        assertTrue(stored.get("passed").asBoolean());
        assertEquals("HTTP_DIGEST", stored.get("device").get("authentication").asText());
        assertEquals(11, stored.get("checks").size());
        JsonNode wrong = TestServer.json(api.get("/api/v1/cameras/sim6/verification"));
        assertEquals("AUTHENTICATED", wrong.get("firstFailure").asText());
        assertTrue(wrong.get("checks").get(2).get("advice").asText().contains("password"));

        HttpResponse<byte[]> snapshot = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(api.base + "/api/v1/cameras/sim0/snapshot"))
                        .header("Authorization", "Bearer " + api.adminToken()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, snapshot.statusCode());
        assertEquals("image/jpeg", snapshot.headers().firstValue("content-type").orElse(""));
        assertEquals((byte) 0xFF, snapshot.body()[0]);
        assertEquals((byte) 0xD8, snapshot.body()[1]);

        String metrics = api.get("/metrics").body();
        assertTrue(metrics.contains("wardnet_verifications_total{result=\"failed\",step=\"AUTHENTICATED\"} 1.0"), metrics);
        assertTrue(metrics.contains("wardnet_discovery_devices_total{mode=\"range\"} 26.0"), "two discoveries of 13");

        HttpResponse<String> one = api.post("/api/v1/cameras/sim2/verify", "application/json", "");
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(TestServer.json(one).get("passed").asBoolean());
        assertTrue(TestServer.json(one).get("checks").get(4).get("detail").asText().contains("Media2 only"));

        assertEquals(204, api.delete("/api/v1/cameras/sim0").statusCode());
        assertEquals(201, api.post("/api/v1/cameras", "application/json", "{\"id\":\"sim0\",\"siteId\":\"R1\","
                + "\"name\":\"again\",\"location\":{\"lat\":1,\"lon\":2},\"onvif\":{\"url\":\"http://127.0.0.1:1/\"}}")
                .statusCode());
        assertProblem(api.get("/api/v1/cameras/sim0/snapshot"), 404, "verify it first");
        assertProblem(api.get("/api/v1/cameras/sim0/verification"), 404, "never verified");
    }

    private JsonNode awaitDone(String url) throws Exception {
        for (int i = 0; i < 300; i++) { // bounded: the batch has its own timeouts; this only waits for them
            JsonNode status = TestServer.json(api.get(url));
            if (status.get("state").asText().equals("DONE")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("verification did not finish: " + api.get(url).body());
    }

    @Test
    void multicastDiscoveryThroughTheApi() throws Exception {
        HttpResponse<String> found = api.post("/api/v1/discovery", "application/json",
                "{\"multicast\":true,\"interface\":\"lo\",\"port\":" + DISCOVERY_PORT + ",\"windowMillis\":600}");
        assertEquals(200, found.statusCode(), found.body());
        assertEquals(13, TestServer.json(found).get("found").asInt());
        assertProblem(api.post("/api/v1/discovery", "application/json",
                "{\"multicast\":true,\"interface\":\"no-such-nic\",\"port\":" + DISCOVERY_PORT + "}"), 422,
                "no network interface");
    }

    @Test
    void anImportCanBeVerifiedAsOneBatch() throws Exception {
        String csv = "id,siteId,name,lat,lon,onvifUrl,onvifUsername,onvifPassword\n"
                + "imp0,R2,Imported 0,29.8,121.5,http://" + NET + "1:" + PORT + "/onvif/device_service,admin,install-pw\n"
                + "imp1,R2,Imported 1,29.8,121.5,http://" + NET + "7:" + PORT + "/onvif/device_service,admin,install-pw\n";
        HttpResponse<String> imported = api.post("/api/v1/cameras/import?verify=true", "text/csv", csv);
        assertEquals(200, imported.statusCode(), imported.body());
        JsonNode done = awaitDone(TestServer.json(imported).get("verificationUrl").asText());
        assertEquals(2, done.get("total").asInt());
        assertEquals(1, done.get("passed").asInt());
        assertEquals("imp1", done.get("failedCameras").get(0).asText());
        assertEquals("rtsp://" + NET + "1:" + PORT + "/ch1/main",
                TestServer.json(api.get("/api/v1/cameras/imp0")).get("rtsp").get("url").asText());
    }

    @Test
    void badRequestsGetProblems() throws Exception {
        assertProblem(api.post("/api/v1/discovery", "application/json", "{\"range\":\"10.0.0.0/8\"}"), 400, "at most");
        assertProblem(api.post("/api/v1/discovery", "application/json", "{\"range\":\"300.1.1.1\"}"), 400,
                "not an IPv4 address");
        assertProblem(api.post("/api/v1/discovery", "application/json", "{}"), 400, "either a range");
        assertProblem(api.post("/api/v1/discovery", "application/json", "{\"range\":\"127.0.0.1\",\"port\":70000}"), 400,
                "port");
        assertProblem(api.post("/api/v1/cameras/nope/verify", "application/json", ""), 404, "nope");
        assertProblem(api.get("/api/v1/verifications/nope"), 404, "nope");
        assertProblem(api.post("/api/v1/verifications", "application/json", "{}"), 400, "either a site");
        assertProblem(api.post("/api/v1/discovery/register", "application/json", "{\"siteId\":\"R1\"}"), 400,
                "at least one");
        assertEquals(201, api.post("/api/v1/cameras", "application/json", "{\"id\":\"plain\",\"siteId\":\"R1\","
                + "\"name\":\"RTSP only\",\"location\":{\"lat\":1,\"lon\":2},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/x\"}}")
                .statusCode());
        assertProblem(api.post("/api/v1/cameras/plain/verify", "application/json", ""), 409, "no ONVIF endpoint");
        assertProblem(api.get("/api/v1/cameras/plain/snapshot"), 404, "verify it first");
        assertProblem(api.get("/api/v1/cameras/plain/verification"), 404, "never verified");
    }

    @Test
    void aSiteBatchReportsCamerasWithoutOnvifAsFailures() throws Exception {
        assertEquals(201, api.post("/api/v1/cameras", "application/json", "{\"id\":\"plain2\",\"siteId\":\"R2\","
                + "\"name\":\"RTSP only\",\"location\":{\"lat\":1,\"lon\":2},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/x\"}}")
                .statusCode());
        HttpResponse<String> started = api.post("/api/v1/verifications", "application/json", "{\"site\":\"S2\"}");
        assertEquals(202, started.statusCode(), started.body());
        JsonNode done = awaitDone(started.headers().firstValue("location").orElseThrow());
        assertEquals(1, done.get("failed").asInt());
        assertEquals(List.of("plain2"), List.of(done.get("failedCameras").get(0).asText()));
        assertTrue(done.get("events").get(0).get("detail").asText().contains("no ONVIF endpoint"));
    }
}
