package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.recording.RecordingService;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.recording.RecordingPlan;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Validated;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

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
            body.put("items", recording.plans().stream().filter(p -> visible(request, p.subjectId()))
                    .map(RecordingResource::view).toList());
            return ApiResponse.json(HttpResponseStatus.OK, json.write(body));
        });
    }

    CompletableFuture<ApiResponse> put(ApiRequest request) {
        String id = RequestParams.id(request);
        boolean exists = registry.camera(id).isPresent() || registry.site(id).isPresent();
        if (!exists || !visible(request, id)) {
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
            if (!visible(request, id) || !recording.removePlan(id)) {
                throw new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND, "not-found", "Not found",
                        "no recording plan for '" + id + "'"));
            }
            return ApiResponse.noContent();
        });
    }

    /** The recorder's state; a scoped caller sees its own cameras' recorders and the shared totals. */
    CompletableFuture<ApiResponse> status(ApiRequest request) {
        Map<String, Object> status = recording.status();
        if (!request.requireScope().districtWide() && status.get("cameras") instanceof List<?> cameras) {
            status = new LinkedHashMap<>(status);
            status.put("cameras", cameras.stream().filter(c -> c instanceof Map<?, ?> m
                    && RequestParams.visibleCamera(registry, request, String.valueOf(m.get("cameraId")))).toList());
        }
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(status)));
    }

    /** A plan's subject (a camera or a site) in the caller's scope. */
    private boolean visible(ApiRequest request, String subjectId) {
        return RequestParams.recordVisible(registry, request, subjectId)
                || registry.site(subjectId).filter(s -> request.requireScope().covers(s.id())).isPresent();
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
