package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.audit.AuditTrail;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

/** {@code GET /api/v1/audit?after=SEQ&limit=N}: the trail in order, with each entry's hashes. */
final class AuditResource {

    private final AuditTrail trail;
    private final BlockingWork reads;
    private final JsonCodec json;
    private final Paging paging;

    AuditResource(AuditTrail trail, BlockingWork reads, JsonCodec json, Paging paging) {
        this.trail = trail;
        this.reads = reads;
        this.json = json;
        this.paging = paging;
    }

    CompletableFuture<ApiResponse> list(ApiRequest request) {
        String text = request.queryParam("after");
        long after;
        try {
            after = text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw RequestParams.invalid("after", "a sequence number, 0 or more");
        }
        int limit = paging.limit(request);
        Caller caller = request.caller();
        return reads.submit(() -> {
            List<AuditEntry> entries = trail.read(caller, after, limit);
            Long next = entries.size() == limit ? entries.get(entries.size() - 1).seq() : null;
            return ApiResponse.json(HttpResponseStatus.OK, json.write(new TrailJson(
                    entries.stream().map(AuditResource::view).toList(), next)));
        });
    }

    /** A page of the trail; {@code nextAfter} is where the next page starts, when there may be one. */
    record TrailJson(List<EntryJson> items, Long nextAfter) {
    }

    /** An audit entry as the API shows it (and a case's evidence bundle carries it). */
    record EntryJson(long seq, String at, String actor, String scope, String address, String action, String target,
            int result, String previousHash, String hash) {
    }

    static EntryJson view(AuditEntry e) {
        return new EntryJson(e.seq(), e.at().toString(), e.actor(), e.scope(), e.address(), e.action(), e.target(),
                e.result(), e.previousHash(), e.hash());
    }
}
