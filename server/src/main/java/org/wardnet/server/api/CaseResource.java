package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.track.CaseExport;
import org.wardnet.app.track.TrackService;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Validated;
import org.wardnet.core.track.CaseStore;
import org.wardnet.core.track.HopDraft;
import org.wardnet.core.track.RouteCheck;
import org.wardnet.core.track.TrackCase;
import org.wardnet.core.track.TravelMode;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * Cases: a route of sightings an investigator assembles, read back leg by leg with impossible legs
 * flagged, confirmed (which teaches the planner its hops), and exported as an evidence bundle.
 */
final class CaseResource {

    private final CaseStore cases;
    private final TrackService track;
    private final ClipIndex clips;
    private final Registry registry;
    private final BlockingWork reads;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final CaseExport export;
    private final Clock clock;
    private final org.wardnet.core.audit.AuditStore audit;

    CaseResource(CaseStore cases, TrackService track, ClipIndex clips, org.wardnet.core.clips.MediaFiles media,
            Registry registry, BlockingWork reads,
            BlockingWork writes, JsonCodec json, Path exports, Clock clock, org.wardnet.core.audit.AuditStore audit) {
        this.audit = audit;
        this.cases = cases;
        this.track = track;
        this.clips = clips;
        this.registry = registry;
        this.reads = reads;
        this.writes = writes;
        this.json = json;
        this.bodies = new RequestBodies(json);
        this.export = new CaseExport(clips, media, json.mapper(), exports);
        this.clock = clock;
    }

    /** A new case as a client sends it; siteId is whose scope sees it (see {@link #siteOf}). */
    record CaseDraft(String title, String mode, String siteId) {
    }

    CompletableFuture<ApiResponse> create(ApiRequest request) {
        CaseDraft draft = bodies.json(request, CaseDraft.class);
        List<FieldError> errors = new ArrayList<>();
        if (draft.title() == null || draft.title().isBlank() || draft.title().length() > 200) {
            errors.add(new FieldError("title", "required, 1 to 200 characters"));
        }
        TravelMode mode = draft.mode() == null ? TravelMode.WALK : TravelMode.parse(draft.mode());
        if (mode == null) {
            errors.add(new FieldError("mode", "WALK, BIKE or CAR (default WALK)"));
        }
        String site = siteOf(request, draft.siteId(), errors);
        if (!errors.isEmpty()) {
            throw RequestParams.invalid("the case", errors);
        }
        String id = UUID.randomUUID().toString();
        return writes.submit(() -> {
            cases.create(id, draft.title().strip(), mode, site, clock.instant());
            return ApiResponse.json(HttpResponseStatus.CREATED, json.write(view(existing(request, id))))
                    .withHeader("Location", "/api/v1/cases/" + id);
        });
    }

    CompletableFuture<ApiResponse> get(ApiRequest request) {
        String id = caseId(request);
        return reads.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(view(existing(request, id)))));
    }

    CompletableFuture<ApiResponse> addSighting(ApiRequest request) {
        String id = caseId(request);
        Validated<HopDraft.Hop> checked = bodies.json(request, HopDraft.class).validate();
        if (!checked.isValid()) {
            throw RequestParams.invalid("the sighting", checked.errors());
        }
        HopDraft.Hop hop = checked.value();
        if (!RequestParams.visibleCamera(registry, request, hop.cameraId())) {
            throw RequestParams.invalid("cameraId", "no camera '" + hop.cameraId() + "' is registered");
        }
        return writes.submit(() -> {
            TrackCase trackCase = existing(request, id);
            if (trackCase.confirmed() != null) {
                throw new ApiException(Problem.of(HttpResponseStatus.CONFLICT, "case-confirmed", "Case confirmed",
                        "case " + id + " was confirmed at " + trackCase.confirmed() + "; open a new case to change"
                                + " the route"));
            }
            if (hop.clipId() != null && clips.get(hop.clipId()).filter(c -> c.cameraId().equals(hop.cameraId()))
                    .isEmpty()) {
                throw RequestParams.invalid("clipId", "no clip " + hop.clipId() + " of camera " + hop.cameraId());
            }
            cases.addHop(id, hop.cameraId(), hop.time(), hop.clipId(), hop.note(), clock.instant());
            return ApiResponse.json(HttpResponseStatus.CREATED, json.write(view(existing(request, id))));
        });
    }

    CompletableFuture<ApiResponse> confirm(ApiRequest request) {
        String id = caseId(request);
        return writes.submit(() -> {
            TrackCase trackCase = existing(request, id);
            List<RouteCheck.Leg> legs = legs(trackCase);
            if (trackCase.hops().size() < 2) {
                throw new ApiException(Problem.of(HttpResponseStatus.CONFLICT, "route-too-short", "Route too short",
                        "a route needs at least two sightings to be confirmed; case " + id + " has "
                                + trackCase.hops().size()));
            }
            if (!cases.confirm(id, clock.instant())) {
                throw new ApiException(Problem.of(HttpResponseStatus.CONFLICT, "case-confirmed", "Case confirmed",
                        "case " + id + " was already confirmed at " + trackCase.confirmed()));
            }
            int learned = track.learn(trackCase, legs);
            Map<String, Object> body = new LinkedHashMap<>(view(existing(request, id)));
            body.put("hopsLearned", learned);
            return ApiResponse.json(HttpResponseStatus.OK, json.write(body));
        });
    }

    CompletableFuture<ApiResponse> export(ApiRequest request) {
        String id = caseId(request);
        return reads.submit(() -> {
            TrackCase trackCase = existing(request, id);
            List<Map<String, Object>> trail = audit.about("/api/v1/cases/" + id, 100_000).stream()
                    .map(AuditResource::view).toList();
            Path zip;
            try {
                zip = export.write(trackCase, view(trackCase), locations(trackCase), Duration.ofSeconds(30), trail);
            } catch (IOException e) {
                throw new ApiException(Problem.of(HttpResponseStatus.UNPROCESSABLE_ENTITY, "export-failed",
                        "Export failed", e.getMessage()));
            }
            return Downloads.attachment(zip, "application/zip", "case-" + id + ".zip");
        });
    }

    private Map<String, Object> view(TrackCase trackCase) {
        return TrackViews.trackCase(trackCase, legs(trackCase), locations(trackCase));
    }

    private List<RouteCheck.Leg> legs(TrackCase trackCase) {
        return RouteCheck.legs(trackCase.hops(), trackCase.mode(), track::distance);
    }

    private Map<String, double[]> locations(TrackCase trackCase) {
        Map<String, double[]> out = new HashMap<>();
        for (TrackCase.Hop hop : trackCase.hops()) {
            registry.camera(hop.cameraId()).ifPresent(c -> out.put(c.id(),
                    new double[] {c.location().lat(), c.location().lon()}));
        }
        return out;
    }

    /**
     * The site a new case belongs to: the one asked for, when the caller's scope covers it; else
     * the caller's one granted site; a district-wide caller's case without a site belongs to the
     * district (only district-wide callers see it).
     */
    private String siteOf(ApiRequest request, String asked, List<FieldError> errors) {
        org.wardnet.core.access.AccessScope scope = request.requireScope();
        if (asked != null) {
            if (registry.site(asked).isEmpty() || !scope.covers(asked)) {
                errors.add(new FieldError("siteId", "no site '" + asked + "' exists"));
            }
            return asked;
        }
        if (scope.districtWide()) {
            return null;
        }
        if (scope.roots().size() > 1) {
            errors.add(new FieldError("siteId", "required: your grants cover " + scope + "; say which site the case"
                    + " belongs to"));
            return null;
        }
        return scope.roots().get(0);
    }

    /** The case, when the caller's scope covers its site; a case of another site is as missing as none. */
    private TrackCase existing(ApiRequest request, String id) {
        org.wardnet.core.access.AccessScope scope = request.requireScope();
        return cases.get(id).filter(c -> c.siteId() == null ? scope.districtWide() : scope.covers(c.siteId()))
                .orElseThrow(() -> new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND, "not-found",
                "Not found", "no case '" + id + "'")));
    }

    private static String caseId(ApiRequest request) {
        String id = request.pathParam("id");
        if (id == null || !id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND, "not-found", "Not found",
                    "no case '" + id + "' (case ids are UUIDs)"));
        }
        return id;
    }
}
