package org.wardnet.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.server.TestServer;

/**
 * The tests' link between nodes does what they ask of it, against a real server: passes requests,
 * refuses them while cut, passes them again once restored, still passes them when slowed, and ends
 * an open event stream with a reset.
 */
class LinkProxyTest {

    @TempDir
    Path dir;

    @Test
    void cutsSlowsResetsAndRestores() throws Exception {
        try (TestServer api = TestServer.start(dir);
             LinkProxy link = LinkProxy.start(api.server.address())) {
            URI through = URI.create("http://127.0.0.1:" + link.port() + "/healthz");
            assertEquals(200, get(through).statusCode());

            link.cut();
            assertThrows(IOException.class, () -> get(through), "a cut link refuses");
            link.restore();
            assertEquals(200, get(through).statusCode());

            link.slow(Duration.ofMillis(150));
            assertEquals(200, get(through).statusCode(), "a slow link still carries the request");
            link.restore();

            HttpResponse<InputStream> events = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + link.port() + "/api/v1/events")).header("Authorization", "Bearer "
                    + api.adminToken()).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, events.statusCode());
            try (InputStream stream = events.body()) {
                link.resetAll();
                assertThrows(IOException.class, () -> {
                    while (stream.read() >= 0) {
                        // an event stream that ended cleanly would return -1 here: a reset throws
                    }
                }, "the open stream ends with a reset, not a clean end");
            }
            assertTrue(link.accepted() >= 5 && link.forwardedBytes() > 0);
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
