package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Validated;
import org.wardnet.core.track.Sighting;
import org.wardnet.core.track.SightingDraft;
import org.wardnet.core.track.SightingStore;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * Sightings from analytics or people: one JSON object or an NDJSON batch in, and by kind and value
 * out, in time order with each camera's location (a plate's trajectory in one call).
 */
final class SightingResource {

    private final SightingStore store;
    private final Registry registry;
    private final BlockingWork reads;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final Paging paging;
    private final Duration widest;
    private final int maxRows;

    SightingResource(SightingStore store, Registry registry, BlockingWork reads, BlockingWork writes, JsonCodec json,
            Paging paging, Duration widest, int maxRows) {
        this.store = store;
        this.registry = registry;
        this.reads = reads;
        this.writes = writes;
        this.json = json;
        this.paging = paging;
        this.widest = widest;
        this.maxRows = maxRows;
    }

    CompletableFuture<ApiResponse> add(ApiRequest request) {
        if (NdjsonBatch.singleObject(request)) {
            Validated<Sighting> checked = json.read(request.body(), SightingDraft.class).validate(visibleCameras(request));
            if (!checked.isValid()) {
                throw RequestParams.invalid("sighting", checked.errors());
            }
            return writes.submit(() -> {
                long id = store.add(List.of(checked.value())).get(0);
                return ApiResponse.json(HttpResponseStatus.CREATED, json.write(view(checked.value().withId(id))));
            });
        }
        boolean atomic = RequestParams.flag(request, "atomic");
        NdjsonBatch<SightingDraft, Sighting> batch = new NdjsonBatch<>(json.mapper(), SightingDraft.class,
                draft -> draft.validate(visibleCameras(request)), maxRows, "sightings");
        return writes.submit(() -> batch.run(Utf8Body.decode(request.body()), atomic, store::add, json));
    }

    CompletableFuture<ApiResponse> find(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Sighting.Kind kind = SightingDraft.kind(errors, request.queryParam("kind"));
        String value = request.queryParam("value");
        if (!errors.isEmpty()) {
            throw RequestParams.invalid("the query", errors);
        }
        TimeWindow window = TimeWindow.of(request, widest);
        int limit = paging.limit(request);
        long[] after = cursor(request.queryParam("cursor"));
        java.util.function.Predicate<String> visible = id -> RequestParams.recordVisible(registry, request, id);
        return reads.submit(() -> {
            List<Sighting> found = visibleOnly(kind, value, window, after, limit + 1, visible);
            boolean more = found.size() > limit;
            List<Sighting> page = more ? found.subList(0, limit) : found;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", page.stream().map(this::view).toList());
            if (more) {
                Sighting last = page.get(page.size() - 1);
                body.put("nextCursor", Base64.getUrlEncoder().withoutPadding().encodeToString(
                        (last.time().toEpochMilli() + ":" + last.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            return ApiResponse.json(HttpResponseStatus.OK, json.write(body));
        });
    }

    private static long[] cursor(String text) {
        if (text == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), java.nio.charset.StandardCharsets.UTF_8)
                    .split(":");
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        } catch (RuntimeException e) {
            throw new org.wardnet.server.http.ApiException(Problem.badRequest("cursor: not one this server issued"));
        }
    }

    private Map<String, Object> view(Sighting s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("cameraId", s.cameraId());
        view.put("time", s.time().toString());
        view.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
        view.put("value", s.value());
        view.put("confidence", s.confidence());
        Camera camera = registry.camera(s.cameraId()).orElse(null);
        view.put("location", camera == null ? null : Map.of("lat", camera.location().lat(),
                "lon", camera.location().lon()));
        return view;
    }

    /**
     * Up to {@code wanted} sightings at cameras the caller may see, in time order: reads on past
     * the others, so a page is full whenever enough visible sightings exist.
     */
    private List<Sighting> visibleOnly(Sighting.Kind kind, String value, TimeWindow window, long[] after, int wanted,
            java.util.function.Predicate<String> visible) {
        List<Sighting> out = new ArrayList<>(wanted);
        long[] cursor = after;
        while (out.size() < wanted) {
            List<Sighting> chunk = store.find(kind, value, window.from(), window.to(), cursor, wanted);
            for (Sighting s : chunk) {
                if (visible.test(s.cameraId()) && out.size() < wanted) {
                    out.add(s);
                }
            }
            if (chunk.size() < wanted) {
                break;
            }
            Sighting last = chunk.get(chunk.size() - 1);
            cursor = new long[] {last.time().toEpochMilli(), last.id()};
        }
        return out;
    }

    /** Registered cameras in the caller's scope; sightings at others are refused as at unknown cameras. */
    private java.util.function.Predicate<String> visibleCameras(ApiRequest request) {
        return id -> RequestParams.visibleCamera(registry, request, id);
    }
}
