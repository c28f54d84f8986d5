package org.wardnet.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.ServerStartException;
import org.wardnet.server.TestServer;

/**
 * HTTPS with the self-signed certificate (read by Debian's curl trusting only that file), files
 * served in chunks through TLS byte for byte, the plain-HTTP redirect, configured PEM files, and
 * clear errors for TLS settings that cannot work.
 */
class TlsTest {

    @TempDir
    Path dir;

    private static String curl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "--max-time", "20"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS));
        return curl.exitValue() + ":" + out;
    }

    @Test
    void theSelfSignedApiIsReadByCurlAndServesFilesByteForByte() throws Exception {
        try (TestServer api = TestServer.start(dir, c -> c.with(WardnetKeys.SERVER_TLS_SELF_SIGNED, true)
                .with(WardnetKeys.SERVER_HTTP_REDIRECT_PORT, 0))) {
            assertTrue(api.base.startsWith("https://127.0.0.1:"), api.base);
            Path cert = dir.resolve("tls/cert.pem");
            assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(dir.resolve("tls/key.pem")), "the key is the owner's alone");
            String health = curl("--cacert", cert.toString(), api.base + "/healthz");
            assertTrue(health.startsWith("0:") && health.contains("up"), health);
            String untrusted = curl(api.base + "/healthz");
            assertTrue(!untrusted.startsWith("0:"), "a client not told to trust the certificate refuses it: " + untrusted);
            String login = curl("--cacert", cert.toString(), "-H", "Content-Type: application/json", "-d",
                    "{\"user\":\"admin\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}", api.base + "/api/v1/login");
            assertTrue(login.contains("\"token\":\"wn_"), login);

            // a clip file goes through TLS in chunks (sendfile cannot encrypt)
            api.smallTree();
            assertEquals(201, api.postJson("/api/v1/cameras", "{\"id\":\"a\",\"siteId\":\"R1\",\"name\":\"A\","
                    + "\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/a\"}}")
                    .statusCode());
            Path recordings = Files.createDirectories(dir.resolve("recordings"));
            Path h264 = dir.resolve("clip.h264");
            try (InputStream in = TlsTest.class.getResourceAsStream("/clip/testsrc-640x360-25fps.h264")) {
                Files.copy(in, h264);
            }
            Path mp4 = recordings.resolve("20261129T140000Z.mp4");
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-f", "h264", "-framerate", "25",
                    "-i", h264.toString(), "-c", "copy", mp4.toString()).redirectErrorStream(true).start();
            assertTrue(ffmpeg.waitFor(30, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0);
            assertEquals(200, api.postJson("/api/v1/clips/import", "{\"directory\":\"" + recordings
                    + "\",\"cameraId\":\"a\"}").statusCode());
            HttpResponse<byte[]> whole = api.client().send(HttpRequest.newBuilder(api.uri("/api/v1/clips/1/media"))
                    .header("Authorization", "Bearer " + api.adminToken()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, whole.statusCode());
            assertArrayEquals(Files.readAllBytes(mp4), whole.body());
            HttpResponse<byte[]> part = api.client().send(HttpRequest.newBuilder(api.uri("/api/v1/clips/1/media"))
                    .header("Authorization", "Bearer " + api.adminToken()).header("Range", "bytes=100-20099").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, part.statusCode());
            assertArrayEquals(java.util.Arrays.copyOfRange(Files.readAllBytes(mp4), 100, 20_100), part.body());

            int redirectPort = api.server.redirectAddress().getPort();
            HttpResponse<String> redirected = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + redirectPort + "/api/v1/cameras?q=x"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(308, redirected.statusCode());
            assertEquals(api.base + "/api/v1/cameras?q=x", redirected.headers().firstValue("Location").orElse(""));
            String followed = curl("-L", "--cacert", cert.toString(), "http://127.0.0.1:" + redirectPort + "/healthz");
            assertTrue(followed.startsWith("0:") && followed.contains("up"), followed);
            String plainToTls = curl("http" + api.base.substring(5) + "/healthz");
            assertTrue(!plainToTls.contains("\"up\""), "the TLS port speaks no plain HTTP: " + plainToTls);
        }
    }

    @Test
    void configuredPemFilesAreUsedAndWrongSettingsAreNamed() throws Exception {
        Path made = org.wardnet.server.http.TlsFiles.selfSigned(dir.resolve("pem"), "127.0.0.1");
        Path key = dir.resolve("pem/key.pem");
        Path data = Files.createDirectories(dir.resolve("data"));
        try (TestServer api = TestServer.start(data, c -> c.with(WardnetKeys.SERVER_TLS_CERTIFICATE_FILE, made.toString())
                .with(WardnetKeys.SERVER_TLS_KEY_FILE, key.toString()))) {
            String health = curl("--cacert", made.toString(), api.base + "/healthz");
            assertTrue(health.startsWith("0:"), health);
        }
        ServerStartException half = assertThrows(ServerStartException.class, () -> TestServer.start(data,
                c -> c.with(WardnetKeys.SERVER_TLS_CERTIFICATE_FILE, made.toString())));
        assertTrue(half.getMessage().contains("set both or neither"), half.getMessage());
        ServerStartException swapped = assertThrows(ServerStartException.class, () -> TestServer.start(data,
                c -> c.with(WardnetKeys.SERVER_TLS_CERTIFICATE_FILE, key.toString())
                        .with(WardnetKeys.SERVER_TLS_KEY_FILE, made.toString())));
        assertTrue(swapped.getMessage().contains("cannot set up TLS"), swapped.getMessage());
    }
}
