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
import org.wardnet.adapters.tls.PemTrust;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.storage.stores.ScratchPostgres;

/**
 * A real server on an ephemeral loopback port over a fresh H2 directory, and a real HTTP client
 * that logs in as the configured administrator on first use and sends its bearer token with every
 * request that carries none ({@link #sendAnonymous} sends none).
 */
public final class TestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The first administrator's password in every test server. */
    public static final String ADMIN_PASSWORD = "test-admin-password-1";
    /** Few PBKDF2 rounds, so tests creating users stay quick (the default is tested in PasswordHasherTest). */
    public static final int TEST_ITERATIONS = 10_000;
    private volatile String adminToken;

    public final WardnetServer server;
    public final String base;
    private final HttpClient client;

    private TestServer(WardnetServer server, Path certificate) {
        this.server = server;
        this.base = server.baseUrl();
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (base.startsWith("https:")) {
            builder.sslContext(trusting(certificate));
        }
        this.client = builder.build();
    }

    /** A TLS context that trusts exactly the certificates in {@code pem}. */
    public static javax.net.ssl.SSLContext trusting(Path pem) {
        return PemTrust.context(pem);
    }

    /** The client this server's requests go through (trusting its certificate when it has one). */
    public HttpClient client() {
        return client;
    }

    public static TestServer start(Path dataDir) throws InterruptedException {
        return start(dataDir, UnaryOperator.identity());
    }

    public static TestServer start(Path dataDir, UnaryOperator<WardnetConfig> tweak) throws InterruptedException {
        WardnetConfig config = WardnetConfig.defaults()
                .with(WardnetKeys.SERVER_PORT, 0)
                .with(org.wardnet.config.LiveKeys.LIVE_RTSP_PORT, 0)
                .with(WardnetKeys.STORE_DATA_DIR, dataDir.toString())
                .with(WardnetKeys.AUTH_ADMIN_PASSWORD, ADMIN_PASSWORD)
                .with(WardnetKeys.AUTH_PASSWORD_ITERATIONS, TEST_ITERATIONS);
        WardnetConfig tweaked = tweak.apply(onTheStoreAsked(config));
        String configured = tweaked.get(WardnetKeys.SERVER_TLS_CERTIFICATE_FILE);
        Path certificate = configured.isEmpty()
                ? Path.of(tweaked.get(WardnetKeys.STORE_DATA_DIR), "tls", "cert.pem") : Path.of(configured);
        return new TestServer(WardnetServer.start(tweaked), certificate);
    }

    /**
     * The store the run asks for: H2 in the data directory unless the system property
     * {@code wardnet.test.store} is {@code postgresql}, then a database on the run's scratch
     * PostgreSQL, one per data directory (a server restarted on the same directory finds its rows;
     * the build runs the store-touching API tests once more that way).
     */
    public static WardnetConfig onTheStoreAsked(WardnetConfig config) {
        if (!"postgresql".equals(System.getProperty("wardnet.test.store"))) {
            return config;
        }
        try {
            return config.with(WardnetKeys.STORE_JDBC_URL, ScratchPostgres.shared().databaseFor(
                    config.get(WardnetKeys.STORE_DATA_DIR)))
                    .with(WardnetKeys.STORE_USERNAME, ScratchPostgres.USER);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a PostgreSQL store for the test: " + e.getMessage(), e);
        }
    }

    /** The command-line options that name the store {@link #onTheStoreAsked} gives for {@code dataDir}. */
    public static java.util.List<String> storeOptions(Path dataDir) {
        WardnetConfig config = onTheStoreAsked(WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR,
                dataDir.toString()));
        java.util.List<String> options = new java.util.ArrayList<>(java.util.List.of("--data", dataDir.toString()));
        if (!config.get(WardnetKeys.STORE_JDBC_URL).isEmpty()) {
            options.addAll(java.util.List.of("--set", "store.jdbcUrl=" + config.get(WardnetKeys.STORE_JDBC_URL),
                    "--set", "store.username=" + config.get(WardnetKeys.STORE_USERNAME)));
        }
        return options;
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

    /** Sends {@code request} with the administrator's token unless it names its own Authorization. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        if (built.headers().firstValue("Authorization").isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true)
                    .header("Authorization", "Bearer " + adminToken()).build();
        }
        return client.send(built, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code request} exactly as given: no token is added. */
    public HttpResponse<String> sendAnonymous(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code request} with {@code token}. */
    public HttpResponse<String> sendAs(String token, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return sendAnonymous(request.header("Authorization", "Bearer " + token));
    }

    /** The administrator's session token (logging in on first use). */
    public String adminToken() throws IOException, InterruptedException {
        if (adminToken == null) {
            adminToken = login("admin", ADMIN_PASSWORD);
        }
        return adminToken;
    }

    /** Logs {@code user} in; returns the session token, or throws with the server's answer. */
    public String login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> answer = sendAnonymous(HttpRequest.newBuilder(uri("/api/v1/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        java.util.Map.of("user", user, "password", password)))));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("login of " + user + " failed: " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).get("token").asText();
    }

    /**
     * Creates a user with the given grants ("role@site", site '*' for the district) and password,
     * and returns its session token.
     */
    public String userWith(String name, String... grants) throws IOException, InterruptedException {
        StringBuilder list = new StringBuilder();
        for (String grant : grants) {
            String[] parts = grant.split("@", 2);
            list.append(list.length() == 0 ? "" : ",").append("{\"role\":\"").append(parts[0])
                    .append("\",\"site\":\"").append(parts[1]).append("\"}");
        }
        String password = "password-of-" + name;
        HttpResponse<String> made = postJson("/api/v1/users", "{\"name\":\"" + name + "\",\"password\":\""
                + password + "\",\"grants\":[" + list + "]}");
        if (made.statusCode() != 201) {
            throw new IllegalStateException("creating " + name + " failed: " + made.body());
        }
        String token = login(name, password);
        // a password set by an administrator must be changed before anything else
        HttpResponse<String> changed = sendAs(token, HttpRequest.newBuilder(uri("/api/v1/me/password"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"currentPassword\":\"" + password + "\",\"newPassword\":\"" + password + "-2\"}")));
        if (changed.statusCode() != 204) {
            throw new IllegalStateException("password change of " + name + " failed: " + changed.body());
        }
        return token;
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
