package org.wardnet.adapters.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real peers of the interoperability tests (installed by
 * {@code src/test/peers/install-peers.sh}, which {@code ./wardnet test} runs first): clips made by
 * Debian's ffmpeg, and GStreamer's RTSP server. A missing peer fails the test with the fix.
 */
public final class Peers {

    private static final Path SERVER_SCRIPT = Path.of("src/test/peers/gst_rtsp_server.py");

    private Peers() {
    }

    /** An H.264 (baseline) MP4 of {@code seconds} of ffmpeg's test pattern, key frame every second. */
    public static Path clip(Path dir, String size, int seconds) throws IOException, InterruptedException {
        Path clip = dir.resolve("clip-" + size + ".mp4");
        run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=" + size + ":rate=25",
                "-t", Integer.toString(seconds), "-c:v", "libx264", "-profile:v", "baseline", "-pix_fmt", "yuv420p",
                "-g", "25", clip.toString()));
        return clip;
    }

    /** A running GStreamer RTSP server; {@link #url()} is where it serves the clip. */
    public record GstServer(Process process, String url) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public static GstServer gstreamer(Path clip, String user, String password, String auth)
            throws IOException, InterruptedException {
        require("/usr/bin/python3");
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", SERVER_SCRIPT.toString(),
                "--clip", clip.toString()));
        if (user != null) {
            command.addAll(List.of("--user", user, "--password", password, "--auth", auth));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("listening on ")) {
                return new GstServer(process, line.substring("listening on ".length()).strip());
            }
            seen.append(line).append('\n');
        }
        process.destroyForcibly();
        throw new IllegalStateException("GStreamer's RTSP server did not start (is python3-gi with GstRtspServer"
                + " installed? run src/test/peers/install-peers.sh):\n" + seen);
    }

    /** Runs a peer command to completion; its output is the failure message when it fails. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        require(command.get(0));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static void require(String program) {
        boolean found = program.startsWith("/") ? Files.isExecutable(Path.of(program))
                : System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
        if (!found) {
            throw new IllegalStateException(program + " is not installed; run src/test/peers/install-peers.sh"
                    + " (./wardnet test does)");
        }
    }
}
