package org.wardnet.bench.federation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.wardnet.bench.BenchAccess;

/**
 * A center node in a process of its own: {@code wardnet serve} from the built jar on a free
 * loopback port, plain HTTP, its own H2 store, health probing and recording off (it owns no
 * cameras); its log goes to {@code DIR/center.log}. Stopped (and waited for) on close.
 */
final class CenterProcess implements AutoCloseable {

    private final Process process;
    private final String base;

    private CenterProcess(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /** The CPU time the center's process has used so far, in seconds (all its threads). */
    double cpuSeconds() {
        return cpuSeconds(process.toHandle());
    }

    static double cpuSeconds(ProcessHandle handle) {
        return handle.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    static CenterProcess start(Path dir) throws Exception {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms1g", "-Xmx1g"));
        String extra = System.getenv().getOrDefault("CENTER_JAVA_OPTS", "").strip(); // e.g. a flight recording
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", Path.of("server", "target", "wardnet-server.jar").toString(),
                "serve", "--port", Integer.toString(port), "--data", dir.toString(),
                "--set", "server.host=127.0.0.1", "--set", "health.enabled=false", "--set", "recording.enabled=false",
                "--set", "live.rtspPort=0"));
        String store = System.getenv().getOrDefault("CENTER_STORE_URL", ""); // e.g. a PostgreSQL database
        if (!store.isEmpty()) {
            command.addAll(List.of("--set", "store.jdbcUrl=" + store, "--set", "store.username=wardnet"));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("center.log").toFile());
        builder.environment().putAll(BenchAccess.adminEnvironment());
        CenterProcess center = new CenterProcess(builder.start(), "http://127.0.0.1:" + port);
        center.awaitReady(dir);
        return center;
    }

    String base() {
        return base;
    }

    String adminToken(HttpClient http) throws Exception {
        return BenchAccess.login(http, base);
    }

    String post(HttpClient http, String token, String path, String json, int expected) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    String get(HttpClient http, String token, String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    /** The center's used heap after two full collections (jcmd GC.run), from its own metrics. */
    long heapAfterGc(HttpClient http, String token) throws Exception {
        for (int i = 0; i < 2; i++) {
            Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
                throw new IllegalStateException("jcmd GC.run failed on the center");
            }
        }
        double used = 0;
        for (String line : get(http, token, "/metrics").split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) used;
    }

    private void awaitReady(Path dir) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the center exited: see " + dir.resolve("center.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the center was not ready within 60 s: see " + dir.resolve("center.log"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
