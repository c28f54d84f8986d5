package org.wardnet.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardnet.config.LiveKeys;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.run.SimulatedDistrict;

/**
 * Live view through a whole server: the relay's RTSP stream read by ffprobe with an API token as
 * password or with a ticket from the API; a viewer without {@code live} on the camera's site gets
 * 404 as for a missing camera; sessions' start and end in the audit trail; {@code GET /api/v1/live};
 * the per-user limit (503); and the recorder consuming the same upstream as a viewer.
 */
class LiveApiTest extends ApiTestBase {

    private static final String CAMERA_URL = "rtsp://127.1.246.3:18573/live";
    private EventLoopGroup group;
    private SimulatedDistrict district;

    @Override
    protected WardnetConfig configure(WardnetConfig config) {
        return config.with(WardnetKeys.HEALTH_ENABLED, false).with(LiveKeys.LIVE_MAX_SESSIONS_PER_USER, 2)
                .with(LiveKeys.LIVE_LINGER_SECONDS, 1).with(WardnetKeys.RECORDING_SEGMENT_SECONDS, 2)
                .with(WardnetKeys.RECORDING_MIN_FREE_BYTES, 1L << 20);
    }

    @BeforeEach
    void startCamera() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        district = SimulatedDistrict.start(group, H264Clip.shipped(),
                List.of(SimulatedCamera.of("cam-live", CAMERA_URL, null, "admin", "pw1", 18573)));
        assertEquals(201, api.postJson("/api/v1/cameras", "{\"id\":\"cam-live\",\"siteId\":\"R1\",\"name\":\"Live\","
                + "\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"" + CAMERA_URL + "\","
                + "\"username\":\"admin\",\"password\":\"pw1\"}}").statusCode());
    }

    @AfterEach
    void stopCamera() throws Exception {
        district.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private String rtsp(String password) {
        return "rtsp://someone:" + password + "@127.0.0.1:" + api.server.live().rtspPort() + "/live/cam-live";
    }

    private static String probe(String url) throws Exception {
        return RtspRelayTest.Tools.run("ffprobe", "-v", "error", "-rtsp_transport", "tcp", "-show_entries",
                "stream=codec_name,width,height", "-of", "csv=p=0", url).strip();
    }

    @Test
    void aViewerWithLiveOnTheSiteWatchesAndTheTrailShowsTheSession() throws Exception {
        String viewer = api.userWith("vera", "viewer@S1");
        assertEquals("h264,640,360", probe(rtsp(viewer)), "ffprobe with an API token as the RTSP password");

        JsonNode ticket = TestServer.json(api.sendAs(viewer, HttpRequest.newBuilder(
                api.uri("/api/v1/cameras/cam-live/live")).POST(HttpRequest.BodyPublishers.noBody())));
        assertTrue(ticket.path("rtspUrl").asText().contains("/live/cam-live?ticket="), ticket.toString());
        assertEquals("h264,640,360", probe(ticket.path("rtspUrl").asText()), "ffprobe with the ticket URL alone");

        JsonNode trail = awaitTrail("live.end", 2);
        List<JsonNode> starts = entries(trail, "live.start");
        assertEquals(2, starts.size(), trail.toString());
        for (JsonNode start : starts) {
            assertEquals("vera", start.path("actor").asText());
            assertEquals("/live/cam-live via rtsp", start.path("target").asText());
            assertEquals("127.0.0.1", start.path("address").asText(), start.toString());
        }
        assertTrue(entries(trail, "live.end").get(0).path("target").asText().contains("bytes"), trail.toString());
    }

    @Test
    void withoutLiveOnTheCamerasSiteItIsMissingAndTicketsAreNotGiven() throws Exception {
        String elsewhere = api.userWith("otto", "viewer@S2");
        String installer = api.userWith("ida", "installer@S1");
        for (String token : new String[] {elsewhere, installer, "wn_not_a_token_at_all_0000000000"}) {
            String refused = probe(rtsp(token));
            assertFalse(refused.contains("h264"), refused);
        }
        assertTrue(probe(rtsp(elsewhere)).contains("404"), "as a camera that does not exist");
        assertTrue(probe(rtsp("wn_not_a_token_at_all_0000000000")).contains("401"));
        assertEquals(404, api.sendAs(elsewhere, HttpRequest.newBuilder(api.uri("/api/v1/cameras/cam-live/live"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(403, api.sendAs(installer, HttpRequest.newBuilder(api.uri("/api/v1/cameras/cam-live/live"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode(), "installers hold no live permission");
        assertTrue(entries(TestServer.json(api.get("/api/v1/audit?limit=1000")), "live.start").isEmpty());
    }

    @Test
    void opsSeeTheStreamAndItsSessionsAndAUserIsLimited() throws Exception {
        String viewer = api.userWith("vic", "operator@S1");
        RtspRelayTest.CountingClient first = RtspRelayTest.CountingClient.open(group, rtsp(viewer));
        RtspRelayTest.CountingClient second = RtspRelayTest.CountingClient.open(group, rtsp(viewer));
        try {
            assertTrue(first.awaitPackets(20, 20) && second.awaitPackets(20, 20));
            JsonNode live = TestServer.json(api.get("/api/v1/live"));
            assertEquals(1, live.path("streams").size(), live.toString());
            assertEquals("cam-live", live.path("streams").get(0).path("stream").asText());
            assertEquals(2, live.path("streams").get(0).path("consumers").asInt(), live.toString());
            assertEquals(2, live.path("sessions").size());
            assertEquals("vic", live.path("sessions").get(0).path("viewer").asText());
            assertEquals(1, district.camera("cam-live").streamsPlaying());
            String third = probe(rtsp(viewer));
            assertTrue(third.contains("503"), "a third session of a user limited to 2: " + third);
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void theRecorderSharesTheUpstreamWithViewers() throws Exception {
        String viewer = api.userWith("rita", "investigator@S1");
        assertEquals(200, api.putJson("/api/v1/recording/plans/cam-live", "{\"mode\":\"CONTINUOUS\"}").statusCode());
        RtspRelayTest.CountingClient watching = RtspRelayTest.CountingClient.open(group, rtsp(viewer));
        try {
            assertTrue(watching.awaitPackets(50, 20));
            JsonNode clips = awaitClips();
            assertNotNull(clips);
            JsonNode stream = TestServer.json(api.get("/api/v1/live")).path("streams").get(0);
            assertEquals(2, stream.path("consumers").asInt(), "the recorder and the viewer: " + stream);
            assertEquals(1, district.camera("cam-live").streamsPlaying(), "one connection at the camera for both");
            JsonNode sessions = TestServer.json(api.get("/api/v1/live")).path("sessions");
            assertEquals(2, sessions.size(), sessions.toString());
        } finally {
            watching.close();
        }
        assertTrue(entries(TestServer.json(api.get("/api/v1/audit?limit=1000")), "live.start").stream()
                .noneMatch(e -> e.path("actor").asText().contains("recorder")), "the recorder's sessions are not audited");
    }

    private JsonNode awaitClips() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        String from = java.time.Instant.now().minusSeconds(600).toString();
        String to = java.time.Instant.now().plusSeconds(600).toString();
        while (System.nanoTime() < deadline) {
            JsonNode page = TestServer.json(api.get("/api/v1/clips?camera=cam-live&from=" + from + "&to=" + to));
            if (page.path("items").size() >= 1) {
                return page;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no clip recorded through the relay");
    }

    private JsonNode awaitTrail(String action, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode trail = TestServer.json(api.get("/api/v1/audit?limit=1000"));
        while (entries(trail, action).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            trail = TestServer.json(api.get("/api/v1/audit?limit=1000"));
        }
        return trail;
    }

    private static List<JsonNode> entries(JsonNode trail, String action) {
        List<JsonNode> found = new java.util.ArrayList<>();
        trail.path("items").forEach(entry -> {
            if (entry.path("action").asText().equals(action)) {
                found.add(entry);
            }
        });
        return found;
    }
}
