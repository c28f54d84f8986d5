package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.wardnet.core.recording.RecordingPlan;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Validated;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.BlockingWork;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;
import org.wardnet.server.recording.RecordingService;

/** Recording plans per camera or site, and what is recording now. */
final class RecordingResource {

    private final RecordingService recording;
    private final Registry registry;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final RequestBodies bodies;

    RecordingResource(RecordingService recording, Registry registry, BlockingWork writes, JsonCodec json) {
        this.recording = recording;
        this.registry = registry;
        this.writes = writes;
        this.json = json;
        this.bodies = new RequestBodies(json);
    }

    CompletableFuture<ApiResponse> list(ApiRequest request) {
        return writes.submit(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("timeZone", recording.zone().getId());
            body.put("items", recording.plans().stream().map(RecordingResource::view).toList());
            return ApiResponse.json(HttpResponseStatus.OK, json.write(body));
        });
    }

    CompletableFuture<ApiResponse> put(ApiRequest request) {
        String id = RequestParams.id(request);
        if (registry.camera(id).isEmpty() && registry.site(id).isEmpty()) {
            throw new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND, "not-found", "Not found",
                    "no camera or site '" + id + "'"));
        }
        RecordingPlan.Draft draft = bodies.json(request, RecordingPlan.Draft.class);
        Validated<RecordingPlan> plan = RecordingPlan.validate(id, draft);
        if (!plan.isValid()) {
            throw RequestParams.invalid("recording plan", plan.errors());
        }
        return writes.submit(() -> {
            recording.putPlan(plan.value());
            return ApiResponse.json(HttpResponseStatus.OK, json.write(view(plan.value())));
        });
    }

    CompletableFuture<ApiResponse> delete(ApiRequest request) {
        String id = RequestParams.id(request);
        return writes.submit(() -> {
            if (!recording.removePlan(id)) {
                throw new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND, "not-found", "Not found",
                        "no recording plan for '" + id + "'"));
            }
            return ApiResponse.noContent();
        });
    }

    CompletableFuture<ApiResponse> status(ApiRequest request) {
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(recording.status())));
    }

    private static Map<String, Object> view(RecordingPlan plan) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("subjectId", plan.subjectId());
        view.put("mode", plan.mode().name());
        view.put("windows", plan.windows().stream().map(w -> Map.of("days",
                w.days().stream().sorted().map(d -> d.name().substring(0, 3)).toList(), "from", w.from().toString(),
                "to", w.to().toString())).toList());
        return view;
    }

}
