package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.track.Sightings;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.track.Sighting;
import org.wardnet.core.track.SightingDraft;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * Sightings from analytics or people: one JSON object or an NDJSON batch in, and by kind and value
 * out, in time order with each camera's location (a plate's trajectory in one call).
 */
final class SightingResource {

    private final Sightings sightings;
    private final BlockingWork reads;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final Paging paging;
    private final Duration widest;
    private final int maxRows;

    SightingResource(Sightings sightings, BlockingWork reads, BlockingWork writes, JsonCodec json, Paging paging,
            Duration widest, int maxRows) {
        this.sightings = sightings;
        this.reads = reads;
        this.writes = writes;
        this.json = json;
        this.paging = paging;
        this.widest = widest;
        this.maxRows = maxRows;
    }

    CompletableFuture<ApiResponse> add(ApiRequest request) {
        Caller caller = request.caller();
        if (NdjsonBatch.singleObject(request)) {
            Sighting checked = sightings.check(caller, json.read(request.body(), SightingDraft.class));
            return writes.submit(() -> ApiResponse.json(HttpResponseStatus.CREATED,
                    json.write(view(sightings.storeOne(checked)))));
        }
        boolean atomic = RequestParams.flag(request, "atomic");
        NdjsonBatch<SightingDraft, Sighting> batch = new NdjsonBatch<>(json.mapper(), SightingDraft.class,
                sightings.rowCheck(caller), maxRows, "sightings");
        return writes.submit(() -> batch.run(Utf8Body.decode(request.body()), atomic, sightings::store, json));
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
        Caller caller = request.caller();
        return reads.submit(() -> {
            Sightings.SightingPage page = sightings.find(caller, kind, value, window.from(), window.to(), after, limit);
            String next = null;
            if (page.next() != null) {
                Sighting last = page.next();
                next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                        (last.time().toEpochMilli() + ":" + last.id()).getBytes(StandardCharsets.UTF_8));
            }
            return ApiResponse.json(HttpResponseStatus.OK, json.write(new PageJson(
                    page.items().stream().map(SightingResource::view).toList(), next)));
        });
    }

    private static long[] cursor(String text) {
        if (text == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":");
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        } catch (RuntimeException e) {
            throw new ApiException(Problem.badRequest("cursor: not one this server issued"));
        }
    }

    /** A page of sightings in time order; {@code nextCursor} when another follows. */
    record PageJson(List<SightingJson> items, String nextCursor) {
    }

    /** A sighting as the API shows it, with where its camera stands (left out once it is removed). */
    record SightingJson(long id, String cameraId, String time, String kind, String value, Double confidence,
            RegistryJson.LocationJson location) {
    }

    private static SightingJson view(Sightings.Located located) {
        Sighting s = located.sighting();
        return new SightingJson(s.id(), s.cameraId(), s.time().toString(), s.kind().name().toLowerCase(Locale.ROOT),
                s.value(), s.confidence(), located.location() == null ? null
                        : new RegistryJson.LocationJson(located.location().lat(), located.location().lon()));
    }
}
