package org.wardnet.server.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * GStreamer's RTSP server as a camera that encodes live: {@code /main} is H.265 and {@code /sub}
 * is H.264, both 320x180 at 25 pictures a second (see {@code peers/gst_live_camera.py}).
 */
final class GstLiveCamera implements AutoCloseable {

    private final Process process;
    /** {@code rtsp://127.0.0.1:PORT}, without a path. */
    final String url;

    private GstLiveCamera(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static GstLiveCamera start() throws Exception {
        Path script = Path.of(GstLiveCamera.class.getResource("/peers/gst_live_camera.py").toURI());
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("listening on ")) {
            process.destroy();
            assertTrue(false, "GStreamer's RTSP server did not start: " + line);
        }
        Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "gst-camera-output");
        drain.setDaemon(true);
        drain.start();
        return new GstLiveCamera(process, line.substring("listening on ".length()).strip());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
