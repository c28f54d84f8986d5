package org.wardnet.server.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an edge recorder offers the console: its recordings over HTTP on its own origin, with byte
 * ranges as video elements ask for them. Every path under /record/ answers the same 30 s MP4,
 * which Debian's ffmpeg remuxes from the simulator's H.264 clip (no encoding) when it starts.
 */
final class EdgeRecorder implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final byte[] video;

    private EdgeRecorder(HttpServer server, byte[] video) {
        this.server = server;
        this.video = video;
    }

    static EdgeRecorder start(Path work) throws IOException, InterruptedException {
        Path clip = work.resolve("edge.h264");
        try (InputStream in = EdgeRecorder.class.getResourceAsStream("/clip/testsrc-640x360-25fps.h264")) {
            Files.copy(in, clip);
        }
        Path mp4 = work.resolve("edge.mp4");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            parts.add(clip.toString());
        }
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-f", "h264", "-framerate", "25",
                "-i", "concat:" + String.join("|", parts), "-c", "copy", "-movflags", "+faststart", mp4.toString())
                .redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            throw new IOException("ffmpeg could not make the edge recording: " + output);
        }
        byte[] video = Files.readAllBytes(mp4);
        Files.delete(clip); // served from memory: nothing is left in the work directory
        Files.delete(mp4);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        EdgeRecorder edge = new EdgeRecorder(server, video);
        server.createContext("/record/", edge::serve);
        server.start();
        return edge;
    }

    /** The origin, as console.mediaOrigins names it. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "video/mp4");
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            Matcher range = RANGE.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
            int start = 0;
            int end = video.length - 1;
            int status = 200;
            if (range.matches()) {
                start = Integer.parseInt(range.group(1));
                end = range.group(2).isEmpty() ? end : Math.min(end, Integer.parseInt(range.group(2)));
                status = 206;
                exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + video.length);
            }
            exchange.sendResponseHeaders(status, end - start + 1L);
            out.write(video, start, end - start + 1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
