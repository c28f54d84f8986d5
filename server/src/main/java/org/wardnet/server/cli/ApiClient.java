package org.wardnet.server.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.wardnet.adapters.tls.PemTrust;

/**
 * How the command-line tools reach the API: the bearer token from {@code WARDNET_TOKEN} (never a
 * command-line argument, which other users of the machine can read), and for HTTPS with a private
 * certificate, the PEM file in {@code WARDNET_CA_FILE} to trust instead of the JVM's defaults.
 */
final class ApiClient {

    static final String TOKEN_HELP = "  WARDNET_TOKEN       (environment) an API token: POST /api/v1/tokens, or a login's token";
    static final String CA_HELP = "  WARDNET_CA_FILE     (environment) PEM certificate to trust for an https:// server";

    private final HttpClient http;
    private final String token;

    private ApiClient(HttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    /** @throws IllegalArgumentException when the token is missing or the CA file unreadable, saying which */
    static ApiClient from(Map<String, String> env) {
        String token = env.getOrDefault("WARDNET_TOKEN", "").strip();
        if (token.isEmpty()) {
            throw new IllegalArgumentException("set WARDNET_TOKEN to an API token (an administrator makes one with"
                    + " POST /api/v1/tokens)");
        }
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1);
        String ca = env.getOrDefault("WARDNET_CA_FILE", "");
        if (!ca.isEmpty()) {
            builder.sslContext(PemTrust.context(Path.of(ca)));
        }
        return new ApiClient(builder.build(), token);
    }

    HttpClient http() {
        return http;
    }

    /** A request to {@code url} carrying the token. */
    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }
}
