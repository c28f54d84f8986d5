package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.track.Cases;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.track.HopDraft;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

/**
 * Cases: a route of sightings an investigator assembles, read back leg by leg with impossible legs
 * flagged, confirmed (which teaches the planner its hops), and exported as an evidence bundle.
 */
final class CaseResource {

    /** The evidence bundle shows the case and its audit entries as the API does. */
    private static final Cases.BundleViews BUNDLE = new Cases.BundleViews() {
        @Override
        public Object caseView(Cases.CaseView view) {
            return CaseResource.view(view);
        }

        @Override
        public List<?> audit(List<AuditEntry> entries) {
            return entries.stream().map(AuditResource::view).toList();
        }
    };

    private final Cases cases;
    private final BlockingWork reads;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final RequestBodies bodies;

    CaseResource(Cases cases, BlockingWork reads, BlockingWork writes, JsonCodec json) {
        this.cases = cases;
        this.reads = reads;
        this.writes = writes;
        this.json = json;
        this.bodies = new RequestBodies(json);
    }

    /** A new case as a client sends it; siteId is whose scope sees it. */
    record CaseDraft(String title, String mode, String siteId) {
    }

    CompletableFuture<ApiResponse> create(ApiRequest request) {
        CaseDraft draft = bodies.json(request, CaseDraft.class);
        Caller caller = request.caller();
        return writes.submit(() -> {
            Cases.CaseView created = cases.create(caller, draft.title(), draft.mode(), draft.siteId());
            return ApiResponse.json(HttpResponseStatus.CREATED, json.write(view(created)))
                    .withHeader("Location", "/api/v1/cases/" + created.trackCase().id());
        });
    }

    CompletableFuture<ApiResponse> get(ApiRequest request) {
        String id = request.pathParam("id");
        Caller caller = request.caller();
        return reads.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(view(cases.get(caller, id)))));
    }

    CompletableFuture<ApiResponse> addSighting(ApiRequest request) {
        String id = request.pathParam("id");
        HopDraft draft = bodies.json(request, HopDraft.class);
        Caller caller = request.caller();
        return writes.submit(() -> ApiResponse.json(HttpResponseStatus.CREATED,
                json.write(view(cases.addSighting(caller, id, draft)))));
    }

    CompletableFuture<ApiResponse> confirm(ApiRequest request) {
        String id = request.pathParam("id");
        Caller caller = request.caller();
        return writes.submit(() -> {
            Cases.Confirmed confirmed = cases.confirm(caller, id);
            return ApiResponse.json(HttpResponseStatus.OK,
                    json.write(view(confirmed.view()).withHopsLearned(confirmed.hopsLearned())));
        });
    }

    CompletableFuture<ApiResponse> export(ApiRequest request) {
        String id = request.pathParam("id");
        Caller caller = request.caller();
        return reads.submit(() -> {
            Path zip = cases.export(caller, id, BUNDLE);
            return Downloads.attachment(zip, "application/zip", "case-" + id + ".zip");
        });
    }

    private static TrackViews.CaseJson view(Cases.CaseView view) {
        return TrackViews.trackCase(view.trackCase(), view.legs(), view.locations());
    }
}
