package org.wardnet.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.wardnet.adapters.fuzz.Mutations;
import org.wardnet.server.TestServer;

/**
 * Fuzzing the server over the wire: requests of the API's own kinds (a listing, a camera, a CSV
 * import, an NDJSON clip batch, streets in GeoJSON and CSV, a ranged media read, a login, a chunked
 * body), signed by the administrator so the edits reach the body readers and not only the
 * authentication, are mutated and sent on a connection of their own to one running server. The
 * properties: every answer is a well-formed HTTP response; none is a 5xx other than the declared
 * 501, 503 and 505; every 4xx carries a JSON problem body with its status; the server closes
 * when the client has finished; and it still answers its users afterwards. Tries:
 * {@code jqwik.tries.default}.
 */
class HttpWireFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIP = "{\"cameraId\":\"c1\",\"start\":\"2026-11-29T14:00:00Z\","
            + "\"end\":\"2026-11-29T14:01:00Z\",\"mediaUrl\":\"http://127.0.0.5/rec/c1/1400.mp4\",\"codec\":\"h264\","
            + "\"width\":1920,\"height\":1080}";
    private static final String CAMERAS_CSV = "id,siteId,name,lat,lon,rtspUrl,rtspPassword\n"
            + "c1,R1,海曙区大门,29.1,121.1,rtsp://127.1.0.1/a,pw\n\"c2\",R2,\"Gate, \"\"north\"\"\",29.2,121.2,rtsp://127.1.0.2/a,pw\n";
    private static final String STREETS_CSV = "fromLat,fromLon,toLat,toLon,modes\n29.87,121.55,29.871,121.551,WALK BIKE\n";
    private static Path dir;
    private static TestServer api;
    private static String token;

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("wardnet-fuzz-");
        api = TestServer.start(dir);
        api.smallTree();
        token = api.adminToken();
    }

    @AfterContainer
    static void stop() throws IOException {
        try {
            assertEquals(200, api.get("/api/v1/sites").statusCode(), "the server still answers its users");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            api.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String request(String method, String target, String type, String body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0\r\n")
                .append("Accept: application/json, text/plain, */*\r\nAccept-Encoding: gzip, deflate\r\n")
                .append("Accept-Language: zh-CN,zh;q=0.9,en;q=0.8\r\nAuthorization: Bearer ").append(token).append("\r\n");
        if (type != null) {
            int length = body.getBytes(StandardCharsets.UTF_8).length;
            head.append("Content-Type: ").append(type).append("\r\nContent-Length: ").append(length).append("\r\n");
        }
        return head.append("\r\n").append(body == null ? "" : body).toString();
    }

    private static List<byte[]> seeds() {
        List<String> requests = List.of(
                request("GET", "/api/v1/cameras?site=S1&limit=10&status=ONLINE", null, null),
                request("POST", "/api/v1/cameras", "application/json", TestServer.camera("f1", "R1")),
                request("POST", "/api/v1/cameras/import?dryRun=true", "text/csv; charset=utf-8",
                        CAMERAS_CSV),
                request("POST", "/api/v1/clips?atomic=false", "application/x-ndjson", CLIP + "\n" + CLIP + "\n"),
                request("PUT", "/api/v1/track/streets", "application/geo+json", "{\"type\":\"FeatureCollection\","
                        + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"highway\":\"residential\"},\"geometry\":"
                        + "{\"type\":\"LineString\",\"coordinates\":[[121.55,29.87],[121.551,29.871],[121.552,29.87]]}}]}"),
                request("PUT", "/api/v1/track/streets", "text/csv",
                        STREETS_CSV),
                request("GET", "/api/v1/clips/1/media", null, null).replace("\r\n\r\n", "\r\nRange: bytes=0-99,200-\r\n\r\n"),
                request("POST", "/api/v1/login", "application/json", "{\"username\":\"admin\",\"password\":\"x\"}"),
                request("GET", "/api/v1/health/summary?site=C", null, null),
                "POST /api/v1/sites HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "10\r\n{\"id\":\"F1\",\"par\r\n1c\r\nentId\":\"S1\",\"name\":\"Fuzz\"}\r\n0\r\n\r\n");
        List<byte[]> out = new ArrayList<>();
        for (String r : requests) {
            out.add(r.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Provide
    Arbitrary<byte[]> requests() {
        return Mutations.of(seeds(), 4);
    }

    /** Bodies alone mutated under a whole head (its Content-Length kept true): the body readers' own fuzzing. */
    @Provide
    Arbitrary<byte[]> bodies() {
        List<Arbitrary<byte[]>> kinds = List.of(
                body("POST", "/api/v1/cameras/import?dryRun=true", "text/csv; charset=utf-8",
                        CAMERAS_CSV),
                body("POST", "/api/v1/clips?atomic=false", "application/x-ndjson", CLIP + "\n" + CLIP + "\n"),
                body("PUT", "/api/v1/track/streets", "application/geo+json", "{\"type\":\"FeatureCollection\","
                        + "\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":"
                        + "\"MultiLineString\",\"coordinates\":[[[121.55,29.87],[121.551,29.871]],[[121.551,29.871],"
                        + "[121.552,29.87]]]}}]}"),
                body("PUT", "/api/v1/track/streets", "text/csv",
                        STREETS_CSV),
                body("POST", "/api/v1/cameras", "application/json", TestServer.camera("f2", "R2")),
                body("POST", "/api/v1/track/follow", "application/json",
                        "{\"cameraId\":\"c1\",\"time\":\"2026-11-29T14:03:00Z\",\"mode\":\"WALK\"}"));
        return net.jqwik.api.Arbitraries.oneOf(kinds);
    }

    private static Arbitrary<byte[]> body(String method, String target, String type, String body) {
        return Mutations.of(List.of(body.getBytes(StandardCharsets.UTF_8)), 4).map(b -> {
            byte[] head = request(method, target, null, null).replace("\r\n\r\n", "\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] whole = java.util.Arrays.copyOf(head, head.length + b.length);
            System.arraycopy(b, 0, whole, head.length, b.length);
            return whole;
        });
    }

    @Property
    void everyBodyIsReadOrRefusedWithAProblem(@ForAll("bodies") byte[] request) throws Exception {
        everyRequestIsAnsweredWellOrRefusedWithAProblem(request);
    }

    @Property
    void everyRequestIsAnsweredWellOrRefusedWithAProblem(@ForAll("requests") byte[] request) throws Exception {
        byte[] answer;
        try (Socket socket = new Socket()) {
            socket.connect(api.server.address(), 5_000);
            socket.setSoTimeout(10_000); // a hang detector, not a measure: the server closes at once normally
            try {
                socket.getOutputStream().write(request);
                socket.shutdownOutput();
            } catch (IOException refusedEarly) {
                // the server may close before the whole request was written (it refused the start of it)
            }
            try {
                answer = socket.getInputStream().readAllBytes();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server neither answered nor closed after the client finished: "
                        + new String(request, StandardCharsets.ISO_8859_1).replace(token, "<token>"), e);
            } catch (IOException reset) {
                Statistics.collect("reset");
                return; // a reset is a refusal without an answer
            }
        }
        List<WireResponse> responses = WireResponse.all(answer);
        Statistics.collect(responses.isEmpty() ? "closed" : responses.get(0).status() / 100 + "xx");
        // the edits must leave enough requests whole to reach the handlers, and break enough of them
        Statistics.coverage(c -> {
            c.check("2xx").percentage(p -> p >= 5);
            c.check("4xx").percentage(p -> p >= 5);
        });
        for (WireResponse response : responses) {
            int status = response.status();
            assertFalse(status >= 500 && status != 501 && status != 503 && status != 505,
                    "status " + status + ": " + response.body());
            if (status >= 400 && status < 500) {
                assertTrue(response.header("content-type").startsWith("application/problem+json"),
                        "a " + status + " without a problem body: " + response.head());
                JsonNode problem = JSON.readTree(response.body());
                assertEquals(status, problem.path("status").asInt(), response.body());
            }
        }
    }
}
