package org.wardnet.server.federation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Recordings for tests: real MP4s remuxed by Debian's ffmpeg from the simulator's H.264 clip. */
public final class Recordings {

    private Recordings() {
    }

    /** Writes a 2 s, 640x360 MP4 at {@code out} (its name gives its start) and answers its bytes. */
    public static byte[] mp4(Path out) throws Exception {
        Path h264 = out.resolveSibling(out.getFileName() + ".h264.raw");
        try (InputStream in = Recordings.class.getResourceAsStream("/clip/testsrc-640x360-25fps.h264")) {
            Files.copy(in, h264);
        }
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-f", "h264", "-framerate", "25",
                "-i", h264.toString(), "-c", "copy", "-movflags", "+faststart", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ffmpeg.waitFor(30, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0, "ffmpeg failed: " + output);
        Files.delete(h264);
        return Files.readAllBytes(out);
    }
}
