package org.wardnet.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.server.TestServer;

/**
 * An event stream ends with its client: closed, or only half-closed (the client shut its sending
 * side, which an endless answer cannot outlast usefully), the server closes the connection and
 * lets go of the subscription at once, not when a heartbeat next fails.
 */
class EventStreamEndTest {

    @TempDir
    Path dir;
    private TestServer api;

    @BeforeEach
    void start() throws Exception {
        api = TestServer.start(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aHalfClosedStreamIsClosedAndItsSubscriptionReleased() throws Exception {
        String token = api.adminToken();
        try (RawHttp http = new RawHttp(api.server.address())) {
            http.send("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n");
            String head = http.readHead();
            assertTrue(head.startsWith("HTTP/1.1 200") && head.contains("text/event-stream"), head);
            awaitSubscribers(1);
            http.finishSending();
            assertTrue(http.closedByServerAfterItsBytes(), "the server closes a stream whose client ended its side");
        }
        awaitSubscribers(0);
    }

    @Test
    void aClosedStreamReleasesItsSubscription() throws Exception {
        String token = api.adminToken();
        try (RawHttp http = new RawHttp(api.server.address())) {
            http.send("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n");
            assertTrue(http.readHead().startsWith("HTTP/1.1 200"));
            awaitSubscribers(1);
        }
        awaitSubscribers(0);
    }

    /** Waits (up to 10 s) until the metrics count {@code expected} open streams; fails naming the last count. */
    private void awaitSubscribers(int expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        double last = -1;
        while (System.nanoTime() < deadline) {
            last = subscribers();
            if (last == expected) {
                return;
            }
            Thread.sleep(20);
        }
        assertEquals(expected, last, "open event streams in /metrics");
    }

    private double subscribers() throws Exception {
        for (String line : api.get("/metrics").body().split("\n")) {
            if (line.startsWith("wardnet_events_subscribers ")) {
                return Double.parseDouble(line.substring(line.indexOf(' ') + 1).strip());
            }
        }
        throw new AssertionError("/metrics has no wardnet_events_subscribers");
    }
}
