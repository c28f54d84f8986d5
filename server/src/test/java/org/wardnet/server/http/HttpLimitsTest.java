package org.wardnet.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.TestServer;

/** The HTTP layer's bounds, spoken to over raw sockets. */
class HttpLimitsTest {

    @TempDir
    Path dir;
    private TestServer api;

    @BeforeEach
    void start() throws Exception {
        api = TestServer.start(dir, config -> config.with(WardnetKeys.SERVER_REQUEST_TIMEOUT_SECONDS, 1)
                .with(WardnetKeys.SERVER_MAX_HEADER_BYTES, 2048));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private RawHttp connect() throws Exception {
        return new RawHttp(api.server.address());
    }

    @Test
    void oversizedHeadersGet431AndTheConnectionCloses() throws Exception {
        try (RawHttp http = connect()) {
            http.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(4000) + "\r\n\r\n");
            RawHttp.Response response = http.read();
            assertEquals(431, response.status(), response.head());
            assertTrue(response.body().contains("server.maxHeaderBytes"), response.body());
            assertTrue(http.closedByServer());
        }
    }

    @Test
    void overlongRequestLineGets414() throws Exception {
        try (RawHttp http = connect()) {
            http.send("GET /api/v1/cameras?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(414, http.read().status());
        }
    }

    @Test
    void declaredBodyOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        try (RawHttp http = connect()) {
            http.send("POST /api/v1/sites HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 50000000\r\n\r\n{");
            RawHttp.Response response = http.read();
            assertEquals(413, response.status());
            assertTrue(response.head().toLowerCase().contains("connection: close"), response.head());
        }
    }

    @Test
    void chunkedBodyGrowingOverTheLimitIsRefused() throws Exception {
        try (RawHttp http = connect()) {
            http.send("POST /api/v1/sites HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            String chunk = "a".repeat(60_000);
            for (int i = 0; i < 20; i++) {
                http.send(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
            assertEquals(413, http.read().status());
        }
    }

    @Test
    void aRequestThatNeverFinishesGets408() throws Exception {
        try (RawHttp http = connect()) {
            http.send("POST /api/v1/sites HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"id\":");
            RawHttp.Response response = http.read();
            assertEquals(408, response.status());
            assertTrue(response.body().contains("server.requestTimeoutSeconds"), response.body());
            assertTrue(http.closedByServer());
        }
        assertEquals(404, api.get("/api/v1/sites/x").statusCode());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
        api.smallTree();
        try (RawHttp http = connect()) {
            String body = TestServer.camera("p1", "R1");
            String auth = "Authorization: Bearer " + api.adminToken() + "\r\n";
            http.send("POST /api/v1/cameras HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body
                    + "GET /api/v1/cameras/p1 HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n"
                    + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "DELETE /api/v1/cameras/p1 HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n"
                    + "GET /api/v1/cameras/p1 HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n");
            List<RawHttp.Response> responses = http.read(5);
            assertEquals(List.of(201, 200, 200, 204, 404), responses.stream().map(RawHttp.Response::status).toList());
            assertTrue(responses.get(1).body().contains("\"id\":\"p1\""), "the read after the write sees it");
            assertTrue(http.closedByServer(), "Connection: close is honoured");
        }
    }

    @Test
    void garbageIsA400NotACrash() throws Exception {
        try (RawHttp http = connect()) {
            http.send("\u0001\u0002 NOT HTTP AT ALL\r\n\r\n");
            assertEquals(400, http.read().status());
        }
        assertEquals(200, api.get("/healthz").statusCode());
    }

    /** Found by fuzzing: a client that shut its side after sending got no answer, and a body cut short none either. */
    @Test
    void aClientThatShutsItsSideAfterSendingStillGetsItsAnswers() throws Exception {
        api.smallTree();
        String auth = "Authorization: Bearer " + api.adminToken() + "\r\n";
        try (RawHttp http = connect()) {
            http.send("GET /api/v1/sites/S1 HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n"
                    + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            http.finishSending();
            List<RawHttp.Response> responses = http.read(2);
            assertEquals(List.of(200, 200), responses.stream().map(RawHttp.Response::status).toList());
            assertTrue(responses.get(0).body().contains("\"id\":\"S1\""), responses.get(0).body());
            assertTrue(http.closedByServer(), "then the server closes");
        }
        try (RawHttp http = connect()) {
            http.send("POST /api/v1/sites HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"id\":\"S9\"");
            http.finishSending();
            RawHttp.Response response = http.read();
            assertEquals(400, response.status(), response.head());
            assertTrue(response.head().toLowerCase(java.util.Locale.ROOT).contains("application/problem+json"));
            assertTrue(response.body().contains("10 body bytes of the 100 declared"), response.body());
            assertTrue(http.closedByServer());
        }
        assertEquals(404, api.get("/api/v1/sites/S9").statusCode(), "the cut request was not applied");
    }
}
