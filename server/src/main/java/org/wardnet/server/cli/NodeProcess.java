package org.wardnet.server.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.wardnet.adapters.tls.PemTrust;

/**
 * A tier node of the demo: {@code wardnet serve} in a JVM of its own, started from this process's
 * class path with its own store under a directory, HTTPS with a self-signed certificate on a free
 * loopback port, the demo's administrator password, and its parent named. Its output goes to
 * {@code DIR.log}. Stopped with the demo.
 */
final class NodeProcess implements AutoCloseable {

    private final String id;
    private final Process process;
    private final String base;
    private final Path certificate;
    private final Path log;

    private NodeProcess(String id, Process process, String base, Path certificate, Path log) {
        this.id = id;
        this.process = process;
        this.base = base;
        this.certificate = certificate;
        this.log = log;
    }

    /**
     * @param parentBase        the parent's https:// address
     * @param parentCertificate the parent's certificate to pin
     * @param token             this node's token from the parent
     */
    static NodeProcess start(String id, Path directory, String parentBase, Path parentCertificate, String token,
            String adminPassword) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "https://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--port", Integer.toString(port), "--data", directory.toString(),
                "--set", "server.host=127.0.0.1", "--set", "server.tlsSelfSigned=true",
                "--set", "health.intervalSeconds=15", "--set", "recording.enabled=false", "--set", "live.rtspPort=0",
                "--set", "federation.parentUrl=" + parentBase,
                "--set", "federation.parentCertificateFile=" + parentCertificate,
                "--set", "federation.publicUrl=" + base));
        Path log = directory.resolveSibling(directory.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // secrets by environment, never on a command line other users can read
        builder.environment().putAll(Map.of("WARDNET_FEDERATION_NODE_TOKEN", token,
                "WARDNET_AUTH_ADMIN_PASSWORD", adminPassword));
        NodeProcess node = new NodeProcess(id, builder.start(), base,
                directory.resolve("tls").resolve("cert.pem"), log);
        node.awaitReady();
        return node;
    }

    String id() {
        return id;
    }

    String base() {
        return base;
    }

    Path certificate() {
        return certificate;
    }

    Path log() {
        return log;
    }

    /** A client that trusts exactly this node's certificate. */
    HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .sslContext(PemTrust.context(certificate)).build();
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("node " + id + " exited; see " + log);
            }
            if (Files.exists(certificate)) {
                try {
                    if (client().send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException | IllegalArgumentException notYet) {
                    // starting, or the certificate is being written
                }
            }
            Thread.sleep(200);
        }
        throw new IOException("node " + id + " was not ready within 90 s; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
