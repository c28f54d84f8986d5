package org.wardnet.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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
            builder.sslContext(trusting(Path.of(ca)));
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

    private static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the certificate in WARDNET_CA_FILE (" + pem + "): "
                    + e.getMessage());
        }
    }
}
