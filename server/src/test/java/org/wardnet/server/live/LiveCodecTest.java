package org.wardnet.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardnet.config.LiveKeys;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * A camera whose main stream is H.265 (which Chromium here cannot decode) and whose sub stream is
 * H.264, served live by GStreamer's RTSP server: the browser's WebSocket gets the sub stream by
 * itself; with transcoding off ({@code live.maxTranscodes} 0), a camera with only H.265 is refused
 * before the upgrade, with 415 (see {@link LiveTranscodeTest} for transcoding on). A camera that
 * refuses RTP over TCP (461) is pulled over UDP and still served to RTSP clients over TCP.
 */
class LiveCodecTest extends ApiTestBase {

    private GstLiveCamera camera;
    private String cameraUrl;

    @Override
    protected WardnetConfig configure(WardnetConfig config) {
        return config.with(WardnetKeys.HEALTH_ENABLED, false).with(LiveKeys.LIVE_MAX_TRANSCODES, 0);
    }

    @BeforeEach
    void startCamera() throws Exception {
        camera = GstLiveCamera.start();
        cameraUrl = camera.url;
    }

    @AfterEach
    void stopCamera() throws Exception {
        camera.close();
    }

    private void register(String id, boolean withSub) throws Exception {
        assertEquals(201, api.postJson("/api/v1/cameras", "{\"id\":\"" + id + "\",\"siteId\":\"R1\",\"name\":\"" + id
                + "\",\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"" + cameraUrl + "/main\""
                + (withSub ? ",\"subUrl\":\"" + cameraUrl + "/sub\"" : "") + "}}").statusCode());
    }

    @Test
    void anH265CameraIsWatchedInTheBrowserThroughItsH264SubStream() throws Exception {
        register("hevc-cam", true);
        try (LiveSocket socket = LiveSocket.open(api.base, "hevc-cam", api.adminToken(), 26)) {
            socket.awaitBinaries(30);
            List<String> texts = socket.texts;
            assertTrue(texts.get(0).contains("avc1.") && texts.get(0).contains("\"width\":320"), texts.toString());
            JsonNode live = TestServer.json(api.get("/api/v1/live"));
            List<String> watched = new java.util.ArrayList<>();
            live.path("streams").forEach(s -> {
                if (s.path("consumers").asInt() > 0) {
                    watched.add(s.path("stream").asText());
                }
            });
            assertEquals(List.of("hevc-cam/sub"), watched, live.toString());
        }
        JsonNode trail = TestServer.json(api.get("/api/v1/audit?limit=1000"));
        String ends = trail.path("items").findValuesAsText("target").toString();
        assertTrue(ends.contains("/live/hevc-cam via websocket; 0 s, 0 bytes, 0 pictures dropped; the stream is H265,"
                + " which browsers cannot decode; switched to the sub stream"), ends);
        assertTrue(ends.contains("/live/hevc-cam/sub via websocket"), ends);
    }

    @Test
    void anH265CameraWithoutASubStreamIsRefusedBeforeTheUpgrade() throws Exception {
        register("hevc-only", false);
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> LiveSocket.open(api.base, "hevc-only", api.adminToken(), 1));
        WebSocketHandshakeException handshake = (WebSocketHandshakeException) refused.getCause();
        assertEquals(415, handshake.getResponse().statusCode());
        assertTrue(String.valueOf(handshake.getResponse().body()).contains("no sub stream; transcoding is off"),
                String.valueOf(handshake.getResponse().body()));
    }

    @Test
    void aCameraThatRefusesTcpIsPulledOverUdp() throws Exception {
        String direct = RtspRelayTest.Tools.run("ffprobe", "-v", "error", "-rtsp_transport", "tcp", "-show_entries",
                "stream=codec_name", "-of", "csv=p=0", cameraUrl + "/udp");
        assertTrue(!direct.strip().equals("h264"), "the camera itself refuses TCP: " + direct);
        assertEquals(201, api.postJson("/api/v1/cameras", "{\"id\":\"udp-cam\",\"siteId\":\"R1\",\"name\":\"udp\","
                + "\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"" + cameraUrl + "/udp\"}}")
                .statusCode());
        String relayed = "rtsp://admin:" + api.adminToken() + "@127.0.0.1:" + api.server.live().rtspPort()
                + "/live/udp-cam";
        assertEquals("h264,320,180", RtspRelayTest.Tools.run("ffprobe", "-v", "error", "-rtsp_transport", "tcp",
                "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", relayed).strip());
        assertTrue(!RtspRelayTest.Tools.frameHashes(relayed, 25).isEmpty(), "ffmpeg decodes pictures through the relay");
    }
}
