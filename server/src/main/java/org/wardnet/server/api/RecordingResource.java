package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.recording.RecordingPlans;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.recording.RecordingPlan;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

/** Recording plans per camera or site, and what is recording now. */
final class RecordingResource {

    private final RecordingPlans plans;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final RequestBodies bodies;

    RecordingResource(RecordingPlans plans, BlockingWork writes, JsonCodec json) {
        this.plans = plans;
        this.writes = writes;
        this.json = json;
        this.bodies = new RequestBodies(json);
    }

    CompletableFuture<ApiResponse> list(ApiRequest request) {
        Caller caller = request.caller();
        return writes.submit(() -> {
            RecordingPlans.Plans listed = plans.list(caller);
            return ApiResponse.json(HttpResponseStatus.OK, json.write(new PlansJson(listed.zone().getId(),
                    listed.items().stream().map(RecordingResource::view).toList())));
        });
    }

    CompletableFuture<ApiResponse> put(ApiRequest request) {
        String id = RequestParams.id(request);
        RecordingPlan.Draft draft = bodies.json(request, RecordingPlan.Draft.class);
        Caller caller = request.caller();
        return writes.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(view(plans.put(caller, id,
                draft)))));
    }

    CompletableFuture<ApiResponse> delete(ApiRequest request) {
        String id = RequestParams.id(request);
        Caller caller = request.caller();
        return writes.submit(() -> {
            plans.delete(caller, id);
            return ApiResponse.noContent();
        });
    }

    /** The recorder's state; a scoped caller sees its own cameras' recorders and the shared totals. */
    CompletableFuture<ApiResponse> status(ApiRequest request) {
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK,
                json.write(plans.status(request.caller()))));
    }

    /** The plans, with the zone their windows are read in. */
    record PlansJson(String timeZone, List<PlanJson> items) {
    }

    record PlanJson(String subjectId, String mode, List<WindowJson> windows) {
    }

    /** Days as MON..SUN, times of day as HH:MM. */
    record WindowJson(List<String> days, String from, String to) {
    }

    private static PlanJson view(RecordingPlan plan) {
        return new PlanJson(plan.subjectId(), plan.mode().name(), plan.windows().stream().map(w -> new WindowJson(
                w.days().stream().sorted().map(d -> d.name().substring(0, 3)).toList(), w.from().toString(),
                w.to().toString())).toList());
    }
}
