package org.wardnet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;

/**
 * The benchmarks' way in: each benchmark JVM gives its servers' first administrator a random
 * password and logs in once per server for a bearer token, as any API client does.
 */
public final class BenchAccess {

    private static final String PASSWORD = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));

    private BenchAccess() {
    }

    /** {@code config} with this JVM's administrator password. */
    public static WardnetConfig withAdmin(WardnetConfig config) {
        return config.with(WardnetKeys.AUTH_ADMIN_PASSWORD, PASSWORD);
    }

    /** The environment that gives a server started in another process this JVM's administrator password. */
    public static Map<String, String> adminEnvironment() {
        return Map.of(WardnetKeys.AUTH_ADMIN_PASSWORD.environmentName(), PASSWORD);
    }

    /** Logs the administrator in at {@code base}; the session token. */
    public static String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("login at " + base + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return new ObjectMapper().readTree(answer.body()).get("token").asText();
    }
}
