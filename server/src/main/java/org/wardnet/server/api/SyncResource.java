package org.wardnet.server.api;

import com.fasterxml.jackson.core.JsonParser;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import org.wardnet.adapters.federation.ChangeLines;
import org.wardnet.adapters.federation.HttpParentLink;
import org.wardnet.app.federation.ChangeDecoder;
import org.wardnet.app.federation.ChildAccess;
import org.wardnet.app.federation.ChildChanges;
import org.wardnet.app.federation.Nodes;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.NodeAccess;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.Problem;

/**
 * {@code /api/v1/sync}: a child node asks where to resume, and pushes its journal's changes as
 * NDJSON ({@link ChangeLines}), one change per line, in sequence order; the answer acknowledges the highest applied.
 * A push that names the number it continues from ({@link HttpParentLink#AFTER_HEADER}) is refused
 * with 409 while the one before it is not applied, so a node may have several on their way.
 */
final class SyncResource {

    static final String NDJSON = "application/x-ndjson";

    private final ChildChanges changes;
    private final ChangeLines.RecordReader inPlace;
    private final ChildAccess access;
    private final BlockingWork reading;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final long maxInflatedBytes;

    /**
     * @param reading reads pushes (inflates, parses, reads their records) off the write thread, in the
     *                order they arrive; one thread, so that they reach {@code writes} in that order
     */
    SyncResource(ChildChanges changes, ChildAccess access, BlockingWork reading, BlockingWork writes, JsonCodec json,
            long maxInflatedBytes) {
        this.reading = reading;
        this.maxInflatedBytes = maxInflatedBytes;
        this.changes = changes;
        this.inPlace = new InPlace(changes.decoder());
        this.access = access;
        this.bodies = new RequestBodies(json);
        this.writes = writes;
        this.json = json;
    }

    record ReceiptView(String node, long ackedSeq, int applied, int skipped) {
        static ReceiptView of(ChildChanges.Receipt receipt) {
            return new ReceiptView(receipt.node(), receipt.ackedSeq(), receipt.applied(), receipt.skipped());
        }
    }

    record StateView(String node, long ackedSeq, List<RegistryJson.SiteJson> ancestry) {
    }

    CompletableFuture<ApiResponse> state(ApiRequest request) {
        Caller caller = request.caller();
        return writes.submit(() -> {
            ChildChanges.State state = changes.state(caller);
            return ApiResponse.json(HttpResponseStatus.OK, json.write(new StateView(state.node(), state.ackedSeq(),
                    state.ancestry().stream().map(site -> RegistryJson.site(site, null)).toList())));
        });
    }

    /** What a child announces of its API: address, certificate to pin (PEM, optional), token for us. */
    record AccessInput(String url, String certificate, String token) {
    }

    record AccessView(String node, String url, boolean pinned) {
    }

    CompletableFuture<ApiResponse> announce(ApiRequest request) {
        AccessInput body = bodies.json(request, AccessInput.class);
        if (body == null) {
            throw RequestParams.invalid("url", "an announcement needs a url and a token");
        }
        Caller caller = request.caller();
        return writes.submit(() -> {
            NodeAccess kept = access.announce(caller, body.url(), body.certificate(), body.token());
            return ApiResponse.json(HttpResponseStatus.OK, json.write(new AccessView(Nodes.nodeOf(caller), kept.url(),
                    kept.certificatePem() != null)));
        });
    }

    CompletableFuture<ApiResponse> push(ApiRequest request) {
        RequestBodies.requireMediaType(request, Set.of(NDJSON));
        long head = sequence(request, HttpParentLink.HEAD_HEADER);
        long after = sequence(request, HttpParentLink.AFTER_HEADER);
        Caller caller = request.caller();
        // inflating and reading up to server.maxImportBodyBytes is no work for an event loop, nor for the
        // write thread: it reads this push while that applies the one before
        return reading.submit(() -> decode(Utf8Body.decode(inflated(request))))
                .thenCompose(batch -> writes.submit(() -> ApiResponse.json(HttpResponseStatus.OK,
                        json.write(ReceiptView.of(changes.apply(caller, batch, after, head))))));
    }

    /**
     * The body, inflated when the child compressed it (Content-Encoding: gzip), never past the
     * same limit a plain body has: a small body that would inflate beyond it is refused with 413.
     */
    private byte[] inflated(ApiRequest request) {
        String encoding = request.headers().get("Content-Encoding");
        if (encoding == null || encoding.equalsIgnoreCase("identity")) {
            return request.body();
        }
        if (!encoding.equalsIgnoreCase("gzip")) {
            throw new ApiException(Problem.of(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-encoding",
                    "Unsupported encoding", "a push is sent as it is or with Content-Encoding: gzip, not " + encoding));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(inflatedSizeHint(request.body()));
        byte[] buffer = new byte[64 * 1024];
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(request.body()), buffer.length)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > maxInflatedBytes) {
                    throw new ApiException(Problem.of(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                            "Body too large", "the push inflates beyond " + maxInflatedBytes
                                    + " bytes (server.maxImportBodyBytes); send smaller batches (federation.batchRows)"));
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw RequestParams.invalid("body", "not gzip data: " + e.getMessage());
        }
        return out.toByteArray();
    }

    /**
     * The size the body says it inflates to (gzip's trailer holds it, modulo 2^32), capped by the
     * limit, so the buffer is made once instead of doubled its way up; a claim is only a hint.
     */
    private int inflatedSizeHint(byte[] body) {
        if (body.length < 18) { // shorter than gzip's header and trailer: let the inflater say what is wrong
            return 64;
        }
        int n = body.length;
        long claimed = (body[n - 4] & 0xFFL) | (body[n - 3] & 0xFFL) << 8 | (body[n - 2] & 0xFFL) << 16
                | (body[n - 1] & 0xFFL) << 24;
        return (int) Math.max(64, Math.min(claimed, Math.min(maxInflatedBytes, 64L << 20)));
    }

    /** A sequence number a push names in a header, -1 when it names none. */
    private static long sequence(ApiRequest request, String name) {
        String header = request.headers().get(name);
        if (header == null) {
            return -1;
        }
        try {
            return Math.max(-1, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            throw RequestParams.invalid(name, "a sequence number, not '" + header + "'");
        }
    }

    /** The push's changes and their records; its clips are read once, where they stand in the body. */
    private ChangeDecoder.Batch decode(String text) {
        ChangeLines.Read read;
        try {
            read = ChangeLines.read(text, inPlace);
        } catch (ChangeLines.Unreadable e) {
            throw RequestParams.invalid("line " + e.line(), "not a change: " + e.getMessage());
        }
        requireRising(read.changes());
        return changes.decode(read.changes(), read.records());
    }

    private static void requireRising(List<Change> batch) {
        long previous = 0;
        for (Change change : batch) {
            if (change.seq() <= previous) {
                throw RequestParams.invalid("change " + change.seq(), "sequence numbers must rise: " + change.seq()
                        + " after " + previous);
            }
            previous = change.seq();
        }
    }

    /** The parent's decoder, reading the records it can where a push is parsed. */
    private record InPlace(ChangeDecoder decoder) implements ChangeLines.RecordReader {
        @Override
        public boolean reads(Change.Kind kind, Change.Op op) {
            return decoder.readsInPlace(kind, op);
        }

        @Override
        public Object read(JsonParser parser) throws IOException {
            return decoder.read(parser);
        }
    }
}
