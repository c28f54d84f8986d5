package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.track.FollowAnswer;
import org.wardnet.app.track.TrackService;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.Ids;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Validated;
import org.wardnet.core.track.FollowDraft;
import org.wardnet.core.track.FollowQuery;
import org.wardnet.core.track.StreetSegment;
import org.wardnet.core.track.TrackLink;
import org.wardnet.core.track.TravelMode;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/** Follow requests, the street network the planner uses, and the manual links installers set. */
final class TrackResource {

    static final String STREETS_PATH = "/api/v1/track/streets";
    /** Most cameras in one corridor answer. */
    private static final int CORRIDOR_LIMIT = 2_000;

    private final TrackService track;
    private final Registry registry;
    private final BlockingWork reads;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final int maxHorizon;
    private final int maxCandidates;

    TrackResource(TrackService track, Registry registry, BlockingWork reads, BlockingWork writes, JsonCodec json,
            int maxHorizon, int maxCandidates) {
        this.track = track;
        this.registry = registry;
        this.reads = reads;
        this.writes = writes;
        this.json = json;
        this.bodies = new RequestBodies(json);
        this.maxHorizon = maxHorizon;
        this.maxCandidates = maxCandidates;
    }

    CompletableFuture<ApiResponse> follow(ApiRequest request) {
        FollowDraft draft = bodies.json(request, FollowDraft.class);
        Validated<FollowQuery> checked = draft.validate(maxHorizon, maxCandidates, track::knows);
        if (!checked.isValid()) {
            throw RequestParams.invalid("the follow request", checked.errors());
        }
        FollowQuery query = checked.value();
        RequestParams.camera(registry, request, query.cameraId());
        for (String excluded : query.excluded()) {
            RequestParams.camera(registry, request, excluded);
        }
        if (!track.covers(query.mode())) {
            throw new ApiException(Problem.of(HttpResponseStatus.UNPROCESSABLE_ENTITY, "mode-not-covered",
                    "Mode not covered", "no street of the network allows " + query.mode() + " and no confirmed route"
                            + " by " + query.mode() + " has been learned; choose another mode or import streets"
                            + " that carry it"));
        }
        Caller caller = request.caller();
        return reads.submit(() -> {
            FollowAnswer answer = track.follow(caller, query);
            boolean anyFootage = answer.proposals().stream().anyMatch(p -> !p.clips().isEmpty());
            if (!answer.proposals().isEmpty() && !anyFootage) {
                throw new ApiException(Problem.of(HttpResponseStatus.UNPROCESSABLE_ENTITY, "no-footage", "No footage",
                        "none of the " + answer.proposals().size() + " proposed cameras has footage in its window after "
                                + query.time() + "; check the time, or ingest the edge recorders' clips first")
                        .withExtension("candidates", answer.proposals().stream()
                                .map(p -> p.candidate().cameraId()).toList()));
            }
            return ApiResponse.json(HttpResponseStatus.OK, json.write(TrackViews.follow(answer)));
        });
    }

    CompletableFuture<ApiResponse> corridor(ApiRequest request) {
        Validated<org.wardnet.core.track.CorridorDraft.Corridor> checked = bodies.json(request,
                org.wardnet.core.track.CorridorDraft.class).validate(CORRIDOR_LIMIT, java.time.Duration.ofHours(24));
        if (!checked.isValid()) {
            throw RequestParams.invalid("the corridor request", checked.errors());
        }
        org.wardnet.core.track.CorridorDraft.Corridor c = checked.value();
        Caller caller = request.caller();
        return reads.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(TrackViews.corridor(
                track.corridor(caller, c.waypoints(), c.from(), c.to(), c.mode(), c.buffer(), c.limit())))));
    }

    /**
     * A link is the caller's when both its cameras are in its scope; the district sees every link,
     * including one whose camera has since been removed.
     */
    private boolean linkVisible(ApiRequest request, TrackLink link) {
        return RequestParams.recordVisible(registry, request, link.from())
                && RequestParams.recordVisible(registry, request, link.to());
    }

    CompletableFuture<ApiResponse> putStreets(ApiRequest request) {
        RequestBodies.requireMediaType(request, Set.of("application/geo+json", "application/json", "text/csv"));
        boolean csv = request.mediaType().equals("text/csv");
        return writes.submit(() -> { // a network can be tens of megabytes: parsed off the event loop
            List<StreetSegment> segments = csv ? StreetImport.csv(request.body())
                    : StreetImport.geoJson(json.mapper(), request.body());
            try {
                track.replaceStreets(segments);
            } catch (IllegalArgumentException e) {
                throw new ApiException(Problem.badRequest(e.getMessage()));
            }
            return ApiResponse.json(HttpResponseStatus.OK, json.write(track.summary()));
        });
    }

    CompletableFuture<ApiResponse> streets(ApiRequest request) {
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(track.summary())));
    }

    /** A manual link as a client sends it. */
    record LinkDraft(String from, String to, String kind, Double distanceMeters, String mode, Boolean bothWays) {
    }

    CompletableFuture<ApiResponse> addLink(ApiRequest request) {
        LinkDraft draft = bodies.json(request, LinkDraft.class);
        List<FieldError> errors = new ArrayList<>();
        for (String[] end : new String[][] {{"from", draft.from()}, {"to", draft.to()}}) {
            if (end[1] == null || !Ids.isValid(end[1])) {
                errors.add(new FieldError(end[0], "required, a camera id"));
            } else if (!RequestParams.visibleCamera(registry, request, end[1])) {
                errors.add(new FieldError(end[0], "no camera '" + end[1] + "' is registered"));
            }
        }
        TrackLink.Kind kind = null;
        if (draft.kind() == null || !Set.of("ADD", "FORBID").contains(draft.kind())) {
            errors.add(new FieldError("kind", "required: ADD or FORBID"));
        } else {
            kind = TrackLink.Kind.valueOf(draft.kind());
        }
        if (draft.distanceMeters() != null && !(draft.distanceMeters() > 0 && draft.distanceMeters() <= 100_000)) {
            errors.add(new FieldError("distanceMeters", "above 0 and at most 100000"));
        }
        TravelMode mode = TravelMode.parse(draft.mode());
        if (draft.mode() != null && mode == null) {
            errors.add(new FieldError("mode", "WALK, BIKE, CAR, or absent for all modes"));
        }
        if (draft.from() != null && draft.from().equals(draft.to())) {
            errors.add(new FieldError("to", "must differ from from"));
        }
        if (!errors.isEmpty()) {
            throw RequestParams.invalid("the link", errors);
        }
        TrackLink.Kind linkKind = kind;
        boolean both = Boolean.TRUE.equals(draft.bothWays());
        return writes.submit(() -> {
            List<Map<String, Object>> made = new ArrayList<>();
            made.add(TrackViews.link(track.addLink(new TrackLink(0, draft.from(), draft.to(), linkKind,
                    draft.distanceMeters(), mode))));
            if (both) {
                made.add(TrackViews.link(track.addLink(new TrackLink(0, draft.to(), draft.from(), linkKind,
                        draft.distanceMeters(), mode))));
            }
            return ApiResponse.json(HttpResponseStatus.CREATED, json.write(Map.of("items", made)));
        });
    }

    CompletableFuture<ApiResponse> links(ApiRequest request) {
        String camera = request.queryParam("camera");
        return reads.submit(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", track.links().stream()
                    .filter(l -> camera == null || l.from().equals(camera) || l.to().equals(camera))
                    .filter(l -> linkVisible(request, l))
                    .map(TrackViews::link).toList());
            return ApiResponse.json(HttpResponseStatus.OK, json.write(body));
        });
    }

    CompletableFuture<ApiResponse> deleteLink(ApiRequest request) {
        String text = request.pathParam("id");
        long id = text.matches("[1-9][0-9]{0,17}") ? Long.parseLong(text) : -1;
        return writes.submit(() -> {
            boolean mine = track.links().stream().anyMatch(l -> l.id() == id && linkVisible(request, l));
            if (id < 0 || !mine || !track.deleteLink(id)) {
                throw new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND, "not-found", "Not found",
                        "no track link '" + text + "'"));
            }
            return ApiResponse.noContent();
        });
    }
}
