package org.wardnet.adapters.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.wardnet.adapters.tls.PemTrust;
import org.wardnet.core.federation.NodeAccess;

/**
 * A parent fetching footage from a child node's API, with the token the child announced and its
 * certificate pinned: the bytes land in a file the caller serves and then deletes. A Range is
 * passed on as it came, so the node answers 206 with its own Content-Range. The user the parent
 * acts for is named in a header, so that the node's audit trail can say who asked.
 *
 * <p>Limits: one HTTP/1.1 client per announced address and certificate, kept for the process's
 * life; the whole answer is written to the file before it is served.
 */
public final class HttpNodeFootage {

    /** The header naming the user on whose behalf a parent fetches. */
    public static final String ON_BEHALF_OF = "Wardnet-On-Behalf-Of";

    /** What the node answered: the status, and for a success the file, its length and headers. */
    public record Fetched(int status, long length, String contentType, String contentRange, String problemDetail) {
    }

    /** The node could not be reached, or failed (5xx), or took too long. */
    public static final class Unreachable extends RuntimeException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ObjectMapper PROBLEMS = new ObjectMapper();

    private final Duration timeout;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    /** @param timeout how long a fetch may take, all of it */
    public HttpNodeFootage(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * GETs {@code path} (with its query) from the node into {@code target}.
     *
     * @param range      the client's Range header, passed on; null for none
     * @param onBehalfOf the user the parent acts for
     * @throws Unreachable when the node cannot be reached, answers 5xx, or times out
     */
    public Fetched fetch(NodeAccess access, String path, String range, String onBehalfOf, Path target) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(access.url()).resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + access.token()).header(ON_BEHALF_OF, onBehalfOf).GET();
        if (range != null) {
            request.header("Range", range);
        }
        HttpResponse<Path> answer;
        try {
            answer = client(access).send(request.build(), HttpResponse.BodyHandlers.ofFile(target));
        } catch (IOException e) {
            throw new Unreachable("node at " + access.url() + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while fetching from " + access.url(), e);
        }
        int status = answer.statusCode();
        try {
            long length = Files.size(target);
            if (status >= 500) {
                throw new Unreachable("node at " + access.url() + " answered " + status + ": " + detail(target, length),
                        null);
            }
            String type = answer.headers().firstValue("Content-Type").orElse("application/octet-stream");
            return new Fetched(status, length, type, answer.headers().firstValue("Content-Range").orElse(null),
                    status >= 400 ? detail(target, length) : null);
        } catch (IOException e) {
            throw new Unreachable("cannot read what node at " + access.url() + " sent: " + e.getMessage(), e);
        }
    }

    private HttpClient client(NodeAccess access) {
        String key = access.url() + "\n" + Objects.requireNonNullElse(access.certificatePem(), "");
        return clients.computeIfAbsent(key, k -> {
            HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout);
            if (access.certificatePem() != null) {
                builder.sslContext(PemTrust.fromPem(access.certificatePem()));
            }
            return builder.build();
        });
    }

    /** A problem answer's text, short. */
    private static String detail(Path file, long length) throws IOException {
        if (length > 16_384) {
            return "(an answer of " + length + " bytes)";
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return PROBLEMS.readTree(text).path("detail").asText(text);
        } catch (IOException e) { // not JSON: the text itself
            return text;
        }
    }
}
