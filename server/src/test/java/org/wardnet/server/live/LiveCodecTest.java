package org.wardnet.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
        List<String> texts = new CopyOnWriteArrayList<>();
        AtomicInteger segments = new AtomicInteger();
        CompletableFuture<Void> enough = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + api.adminToken())
                .buildAsync(URI.create(api.base.replace("http", "ws") + "/api/v1/cameras/hevc-cam/live"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                texts.add(data.toString());
                                ws.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                                if (last && segments.incrementAndGet() >= 26) {
                                    enough.complete(null);
                                }
                                ws.request(1);
                                return null;
                            }
                        }).get(30, TimeUnit.SECONDS);
        try {
            enough.get(30, TimeUnit.SECONDS);
            assertTrue(texts.get(0).contains("avc1.") && texts.get(0).contains("\"width\":320"), texts.toString());
            JsonNode live = TestServer.json(api.get("/api/v1/live"));
            List<String> watched = new java.util.ArrayList<>();
            live.path("streams").forEach(s -> {
                if (s.path("consumers").asInt() > 0) {
                    watched.add(s.path("stream").asText());
                }
            });
            assertEquals(List.of("hevc-cam/sub"), watched, live.toString());
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
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
        ExecutionException refused = assertThrows(ExecutionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().header("Authorization", "Bearer " + api.adminToken())
                .buildAsync(URI.create(api.base.replace("http", "ws") + "/api/v1/cameras/hevc-only/live"),
                        new WebSocket.Listener() { }).get(30, TimeUnit.SECONDS));
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
