package org.wardnet.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.TestServer;

/**
 * How the console's files are served: under a policy that allows nothing inline, revalidated by
 * entity tag, WebJars cached by their versioned path, nothing outside the console's roots, and
 * over HTTPS with Strict-Transport-Security. The files themselves hold no inline code.
 */
class ConsoleFilesTest {

    private static final Path SOURCES = Path.of("src", "main", "resources", "console");

    @TempDir
    Path dir;

    @Test
    void thePageComesWithAStrictPolicy() throws Exception {
        try (TestServer api = TestServer.start(dir)) {
            HttpResponse<String> page = api.sendAnonymous(HttpRequest.newBuilder(api.uri("/")));
            assertEquals(200, page.statusCode());
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'")
                    && policy.contains("style-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
            assertFalse(policy.contains("unsafe"), policy);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertTrue(page.headers().firstValue("Strict-Transport-Security").isEmpty(), "not over plain HTTP");
            assertTrue(page.body().contains("<script type=\"module\" src=\"/console/main.js\"></script>"));
        }
    }

    @Test
    void configuredEdgeRecordersMayServeMediaAndNothingElse() throws Exception {
        try (TestServer api = TestServer.start(dir, c -> c.with(WardnetKeys.CONSOLE_MEDIA_ORIGINS,
                "http://127.0.0.1:8554, https://nvr.example.org"))) {
            String policy = api.sendAnonymous(HttpRequest.newBuilder(api.uri("/"))).headers()
                    .firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(policy.contains("media-src 'self' blob: http://127.0.0.1:8554 https://nvr.example.org;"), policy);
            assertTrue(policy.contains("connect-src 'self';") && policy.contains("script-src 'self';"), policy);
        }
    }

    @Test
    void filesRevalidateByTagAndWebJarsAreCached() throws Exception {
        try (TestServer api = TestServer.start(dir)) {
            HttpResponse<String> script = api.sendAnonymous(HttpRequest.newBuilder(api.uri("/console/main.js")));
            assertEquals(200, script.statusCode());
            assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("no-cache", script.headers().firstValue("Cache-Control").orElseThrow());
            String tag = script.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = api.sendAnonymous(HttpRequest.newBuilder(api.uri("/console/main.js"))
                    .header("If-None-Match", tag));
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());

            HttpResponse<String> leaflet = api.sendAnonymous(HttpRequest.newBuilder(
                    api.uri("/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js")));
            assertEquals(200, leaflet.statusCode());
            assertTrue(leaflet.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
            assertTrue(leaflet.body().contains("export"), "Leaflet's ES module build");
        }
    }

    @Test
    void nothingOutsideTheConsoleIsServed() throws Exception {
        try (TestServer api = TestServer.start(dir)) {
            for (String path : List.of("/console/../index.html", "/console/%2e%2e/index.html",
                    "/webjars/leaflet/1.9.4/../../../../META-INF/MANIFEST.MF", "/console/missing.js",
                    "/console/ConsoleFiles.class", "/webjars/../org/wardnet/server/WardnetServer.class",
                    "/console/.hidden.js")) {
                String answer = raw(api, path);
                assertTrue(answer.startsWith("HTTP/1.1 404"), path + " -> " + answer.lines().findFirst().orElse(""));
                assertTrue(answer.contains("application/problem+json"), path);
            }
        }
    }

    @Test
    void httpsAnswersCarryStrictTransportSecurity() throws Exception {
        try (TestServer api = TestServer.start(dir, c -> c.with(WardnetKeys.SERVER_TLS_SELF_SIGNED, true))) {
            for (String path : List.of("/", "/api/v1/openapi.json", "/healthz")) {
                HttpResponse<String> answer = api.sendAnonymous(HttpRequest.newBuilder(api.uri(path)));
                assertEquals("max-age=31536000", answer.headers().firstValue("Strict-Transport-Security").orElse(null),
                        path);
            }
        }
    }

    @Test
    void theConsoleHoldsNoInlineCodeOrMarkupBuiltFromStrings() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineStyle = Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String name = file.getFileName().toString();
                if (name.endsWith(".html")) {
                    assertFalse(inlineScript.matcher(text).find(), name + " has an inline script");
                    assertFalse(inlineStyle.matcher(text).find(), name + " has inline style or handlers");
                }
                if (name.endsWith(".js")) {
                    for (String banned : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                            "eval(", "new Function", "setAttribute('style'")) {
                        assertFalse(text.contains(banned), name + " uses " + banned);
                    }
                }
            }
        }
    }

    /** One request as typed, so that the path reaches the server unnormalised. */
    private static String raw(TestServer api, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.server.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
