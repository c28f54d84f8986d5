package org.wardnet.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.LiveKeys;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * An H.265 camera without an H.264 sub stream (GStreamer's RTSP server encoding live) watched in a
 * browser's way: the relay transcodes it to H.264 with FFmpeg. The WebSocket's fragmented MP4 is
 * read back by ffprobe and ffmpeg (H.264, the camera's size, pictures that decode); the RTSP path
 * {@code /live/{id}/h264} gives pictures close to the camera's own (PSNR against its H.265 stream,
 * measured by ffmpeg); the camera's stream is consumed once, by the transcoder; a second transcode
 * past {@code live.maxTranscodes} (1 here) is refused with 503.
 */
class LiveTranscodeTest extends ApiTestBase {

    private static final Pattern PSNR = Pattern.compile("PSNR .*average:([0-9.]+|inf)");

    private GstLiveCamera camera;

    @TempDir
    Path scratch;

    @Override
    protected WardnetConfig configure(WardnetConfig config) {
        return config.with(WardnetKeys.HEALTH_ENABLED, false).with(LiveKeys.LIVE_MAX_TRANSCODES, 1)
                .with(LiveKeys.LIVE_LINGER_SECONDS, 1);
    }

    @BeforeEach
    void startCamera() throws Exception {
        camera = GstLiveCamera.start();
    }

    @AfterEach
    void stopCamera() throws Exception {
        camera.close();
    }

    private void registerH265Only(String id) throws Exception {
        assertEquals(201, api.postJson("/api/v1/cameras", "{\"id\":\"" + id + "\",\"siteId\":\"R1\",\"name\":\"" + id
                + "\",\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"" + camera.url + "/main\"}}")
                .statusCode());
    }

    @Test
    void aBrowserWatchesAnH265OnlyCameraTranscodedToH264() throws Exception {
        registerH265Only("hevc-only");
        byte[] mp4;
        try (LiveSocket socket = LiveSocket.open(api.base, "hevc-only", api.adminToken(), 51)) { // init + 50 pictures
            socket.awaitBinaries(60);
            List<String> texts = socket.texts;
            assertTrue(texts.get(0).contains("avc1.") && texts.get(0).contains("\"width\":320")
                    && texts.get(0).contains("\"height\":180"), texts.toString());
            JsonNode live = TestServer.json(api.get("/api/v1/live"));
            List<String> streams = new ArrayList<>();
            live.path("streams").forEach(s -> streams.add(s.path("stream").asText() + ":" + s.path("consumers").asInt()));
            assertEquals(List.of("hevc-only/h264:1", "hevc-only:1"), streams.stream().sorted().toList(),
                    "the transcoder is the camera stream's one consumer; " + live);
            mp4 = socket.mp4();
        }
        Path file = scratch.resolve("live.mp4");
        Files.write(file, mp4);
        assertEquals("h264,320,180", RtspRelayTest.Tools.run("ffprobe", "-v", "error", "-show_entries",
                "stream=codec_name,width,height", "-of", "csv=p=0", file.toString()).strip());
        String decoded = RtspRelayTest.Tools.run("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "framemd5", "-");
        long pictures = decoded.lines().filter(line -> !line.startsWith("#") && line.contains(",")).count();
        assertTrue(pictures >= 50, "ffmpeg decodes every picture sent: " + pictures + "\n" + decoded);

        JsonNode trail = TestServer.json(api.get("/api/v1/audit?limit=1000"));
        String targets = trail.path("items").findValuesAsText("target").toString();
        assertTrue(targets.contains("/live/hevc-only via websocket; 0 s, 0 bytes, 0 pictures dropped; the stream is"
                + " H265, which browsers cannot decode; switched to the stream transcoded to H.264"), targets);
        assertTrue(targets.contains("/live/hevc-only/h264 via websocket"), targets);
    }

    @Test
    void theTranscodedRtspStreamShowsTheCamerasPicturesAndASecondTranscodeIsRefused() throws Exception {
        registerH265Only("hevc-a");
        registerH265Only("hevc-b");
        String token = api.adminToken();
        String transcoded = "rtsp://admin:" + token + "@127.0.0.1:" + api.server.live().rtspPort() + "/live/hevc-a/h264";
        assertEquals("h264,320,180", RtspRelayTest.Tools.run("ffprobe", "-v", "error", "-rtsp_transport", "tcp",
                "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", transcoded).strip());
        String compared = RtspRelayTest.Tools.run("ffmpeg", "-v", "info", "-rtsp_transport", "tcp", "-i", camera.url
                + "/main", "-rtsp_transport", "tcp", "-i", transcoded, "-frames:v", "25", "-lavfi", "[0:v][1:v]psnr",
                "-f", "null", "-");
        Matcher psnr = PSNR.matcher(compared);
        assertTrue(psnr.find(), compared);
        double average = psnr.group(1).equals("inf") ? 99 : Double.parseDouble(psnr.group(1));
        assertTrue(average > 30, "the transcoded pictures are the camera's (PSNR " + average + " dB)");

        // hold hevc-a's transcode open while hevc-b asks for one
        try (LiveSocket held = LiveSocket.open(api.base, "hevc-a", token, 1)) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                () -> LiveSocket.open(api.base, "hevc-b", token, 1));
            WebSocketHandshakeException handshake = (WebSocketHandshakeException) refused.getCause();
            assertEquals(503, handshake.getResponse().statusCode());
            assertTrue(String.valueOf(handshake.getResponse().body()).contains("live.maxTranscodes"),
                    String.valueOf(handshake.getResponse().body()));
        }
    }
}
