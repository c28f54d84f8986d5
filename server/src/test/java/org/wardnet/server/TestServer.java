package org.wardnet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;

/** A real server on an ephemeral loopback port over a fresh H2 directory, and a real HTTP client. */
public final class TestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final WardnetServer server;
    public final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(WardnetServer server) {
        this.server = server;
        this.base = server.baseUrl();
    }

    public static TestServer start(Path dataDir) throws InterruptedException {
        return start(dataDir, UnaryOperator.identity());
    }

    public static TestServer start(Path dataDir, UnaryOperator<WardnetConfig> tweak) throws InterruptedException {
        WardnetConfig config = WardnetConfig.defaults()
                .with(WardnetKeys.SERVER_PORT, 0)
                .with(WardnetKeys.STORE_DATA_DIR, dataDir.toString());
        return new TestServer(WardnetServer.start(tweak.apply(config)));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return post(path, "application/json", json);
    }

    public HttpResponse<String> putJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Creates the small tree C > S1, S2 > R1 (under S1), R2 (under S2). */
    public void smallTree() throws IOException, InterruptedException {
        for (String body : new String[] {
            "{\"id\":\"C\",\"name\":\"Center\",\"tier\":\"CENTER\"}",
            "{\"id\":\"S1\",\"name\":\"Sub 1\",\"tier\":\"SUBSTATION\",\"parentId\":\"C\"}",
            "{\"id\":\"S2\",\"name\":\"Sub 2\",\"tier\":\"SUBSTATION\",\"parentId\":\"C\"}",
            "{\"id\":\"R1\",\"name\":\"Room 1\",\"tier\":\"ROOM\",\"parentId\":\"S1\",\"kind\":\"BANK\"}",
            "{\"id\":\"R2\",\"name\":\"Room 2\",\"tier\":\"ROOM\",\"parentId\":\"S2\",\"kind\":\"SCHOOL\"}"}) {
            HttpResponse<String> response = postJson("/api/v1/sites", body);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("setup failed: " + response.body());
            }
        }
    }

    public static String camera(String id, String site) {
        return "{\"id\":\"" + id + "\",\"siteId\":\"" + site + "\",\"name\":\"Camera " + id + "\","
                + "\"location\":{\"lat\":29.87,\"lon\":121.55},\"heading\":90,"
                + "\"onvif\":{\"url\":\"http://127.1.0.1/onvif/device_service\",\"username\":\"admin\","
                + "\"password\":\"hunter2-onvif\"},"
                + "\"rtsp\":{\"url\":\"rtsp://127.1.0.1:554/main\",\"username\":\"admin\",\"password\":\"hunter2-rtsp\"}}";
    }

    @Override
    public void close() {
        server.close();
    }
}
