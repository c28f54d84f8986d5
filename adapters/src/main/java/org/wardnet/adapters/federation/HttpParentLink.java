package org.wardnet.adapters.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.GZIPOutputStream;
import org.wardnet.adapters.tls.PemTrust;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.NodeAccess;
import org.wardnet.core.federation.ParentLink;
import org.wardnet.core.registry.RoomKind;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.Tier;

/**
 * The parent's sync API over HTTP(S) with the JDK's client: {@code GET /api/v1/sync/state} and
 * {@code POST /api/v1/sync/changes} (NDJSON, one change per line), the node's token as bearer. A
 * parent with a certificate of its own is trusted through its PEM file (pinned: only the
 * certificates in that file); without one, the JDK's trust store decides.
 *
 * <p>Limits: a batch is one request body, sent whole; answers over 1 MiB are not expected.
 */
public final class HttpParentLink implements ParentLink {

    /** The header a push names this node's newest sequence number in. */
    public static final String HEAD_HEADER = "Wardnet-Journal-Head";
    /** The header a push names the sequence number it continues from in. */
    public static final String AFTER_HEADER = "Wardnet-Journal-After";
    /** The problem type of a push refused because the one before it is not applied yet. */
    private static final String OUT_OF_STEP_TYPE = "urn:wardnet:problem:sync-out-of-step";
    /** Smaller pushes (heartbeats, a camera or two) go as they are. */
    private static final int COMPRESS_FROM_BYTES = 1_024;


    private final URI base;
    private final String token;
    private final HttpClient client;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param base        the parent's address, e.g. https://center.example:8443
     * @param certificate PEM of the certificates to trust for the parent, or null for the JDK's
     */
    public HttpParentLink(URI base, String token, Path certificate, Duration timeout) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout);
        if (certificate != null) {
            builder.sslContext(PemTrust.context(certificate));
        }
        this.client = builder.build();
    }

    @Override
    public Resume resume() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/api/v1/sync/state")).GET());
        long acked = ackedSeq(answer);
        List<Site> ancestry = new ArrayList<>();
        try {
            for (JsonNode site : json.readTree(answer.body()).path("ancestry")) {
                ancestry.add(new Site(site.get("id").asText(), site.get("name").asText(),
                        Tier.valueOf(site.get("tier").asText()), text(site, "parentId"),
                        site.hasNonNull("kind") ? RoomKind.valueOf(site.get("kind").asText()) : null,
                        text(site, "address"), Instant.parse(site.get("createdAt").asText()),
                        Instant.parse(site.get("updatedAt").asText())));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            throw new Down("parent " + base + " answered an ancestry that cannot be read: " + e.getMessage(), e);
        }
        return new Resume(acked, ancestry);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    @Override
    public void announce(NodeAccess access) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", access.url());
        body.put("certificate", access.certificatePem());
        body.put("token", access.token());
        try {
            send(HttpRequest.newBuilder(base.resolve("/api/v1/sync/access")).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the access announcement", e);
        }
    }

    @Override
    public long push(List<Change> changes, long head) {
        return push(prepare(changes), head);
    }

    /** A batch as it goes on the wire: its lines, compressed when they are worth it. */
    private record Encoded(List<Change> changes, byte[] body, boolean gzipped) implements Outgoing {
    }

    @Override
    public Outgoing prepare(List<Change> changes) {
        byte[] bytes = ChangeLines.write(changes).getBytes(StandardCharsets.UTF_8);
        boolean gzipped = bytes.length >= COMPRESS_FROM_BYTES; // JSON lines of like records shrink several times over
        return new Encoded(List.copyOf(changes), gzipped ? gzip(bytes) : bytes, gzipped);
    }

    @Override
    public long push(Outgoing batch, long head) {
        return ackedSeq(send(pushRequest(batch, head)));
    }

    @Override
    public CompletableFuture<Long> pushAfter(Outgoing batch, long after, long head) {
        HttpRequest.Builder request = pushRequest(batch, head).header(AFTER_HEADER, Long.toString(after));
        return client.sendAsync(finish(request), HttpResponse.BodyHandlers.ofString())
                .handle((answer, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        throw new Down("parent " + base + " unreachable: " + cause, cause);
                    }
                    return ackedSeq(checked(answer));
                });
    }

    private HttpRequest.Builder pushRequest(Outgoing batch, long head) {
        Encoded encoded = batch instanceof Encoded mine ? mine : (Encoded) prepare(batch.changes());
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/sync/changes"))
                .header("Content-Type", "application/x-ndjson")
                .header(HEAD_HEADER, Long.toString(head));
        if (encoded.gzipped()) {
            request.header("Content-Encoding", "gzip");
        }
        return request.POST(HttpRequest.BodyPublishers.ofByteArray(encoded.body()));
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 64 * 1024)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new IllegalStateException("cannot compress in memory", e);
        }
        return out.toByteArray();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> answer;
        try {
            answer = client.send(finish(request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Down("parent " + base + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Down("interrupted while talking to " + base, e);
        }
        return checked(answer);
    }

    private HttpRequest finish(HttpRequest.Builder request) {
        return request.timeout(timeout).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").build();
    }

    /** The answer when it is a success; otherwise what it means for the sync, thrown. */
    private HttpResponse<String> checked(HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status >= 500 || status == 429) {
            throw new Down("parent " + base + " answered " + status + ": " + detail(answer), null);
        }
        if (status == 409 && OUT_OF_STEP_TYPE.equals(problemType(answer))) {
            throw new OutOfStep(detail(answer));
        }
        if (status >= 400) {
            throw new Refused(status, detail(answer));
        }
        return answer;
    }

    private String problemType(HttpResponse<String> answer) {
        try {
            return json.readTree(answer.body()).path("type").asText("");
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private long ackedSeq(HttpResponse<String> answer) {
        try {
            JsonNode receipt = json.readTree(answer.body());
            if (!receipt.path("ackedSeq").canConvertToLong()) {
                throw new Down("parent " + base + " answered without ackedSeq: " + answer.body(), null);
            }
            return receipt.get("ackedSeq").asLong();
        } catch (JsonProcessingException e) {
            throw new Down("parent " + base + " answered something that is not JSON", e);
        }
    }

    private String detail(HttpResponse<String> answer) {
        try {
            JsonNode problem = json.readTree(answer.body());
            return problem.path("detail").asText(answer.body());
        } catch (JsonProcessingException e) {
            return answer.body();
        }
    }
}
