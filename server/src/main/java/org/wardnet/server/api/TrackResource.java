package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.track.Following;
import org.wardnet.app.track.Links;
import org.wardnet.app.track.TrackService;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.track.CorridorDraft;
import org.wardnet.core.track.CorridorQuery;
import org.wardnet.core.track.FollowDraft;
import org.wardnet.core.track.FollowQuery;
import org.wardnet.core.track.StreetSegment;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

/** Follow requests, the street network the planner uses, and the manual links installers set. */
final class TrackResource {

    static final String STREETS_PATH = "/api/v1/track/streets";

    private final Following following;
    private final Links links;
    private final TrackService track;
    private final BlockingWork reads;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final RequestBodies bodies;

    TrackResource(Following following, Links links, TrackService track, BlockingWork reads, BlockingWork writes,
            JsonCodec json) {
        this.following = following;
        this.links = links;
        this.track = track;
        this.reads = reads;
        this.writes = writes;
        this.json = json;
        this.bodies = new RequestBodies(json);
    }

    CompletableFuture<ApiResponse> follow(ApiRequest request) {
        Caller caller = request.caller();
        FollowQuery query = following.check(caller, bodies.json(request, FollowDraft.class));
        return reads.submit(() -> ApiResponse.json(HttpResponseStatus.OK,
                json.write(TrackViews.follow(following.follow(caller, query)))));
    }

    CompletableFuture<ApiResponse> corridor(ApiRequest request) {
        CorridorQuery corridor = following.check(bodies.json(request, CorridorDraft.class));
        Caller caller = request.caller();
        return reads.submit(() -> ApiResponse.json(HttpResponseStatus.OK,
                json.write(TrackViews.corridor(following.corridor(caller, corridor)))));
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
                throw DomainException.badRequest(e.getMessage());
            }
            return ApiResponse.json(HttpResponseStatus.OK, json.write(track.summary()));
        });
    }

    /** The map's counts; with {@code geometry=true} also every street segment, for drawing. */
    CompletableFuture<ApiResponse> streets(ApiRequest request) {
        boolean geometry = RequestParams.flag(request, "geometry");
        Object body = geometry ? TrackViews.streets(track.summary(), track.streets()) : track.summary();
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(body)));
    }

    CompletableFuture<ApiResponse> addLink(ApiRequest request) {
        Links.Draft draft = bodies.json(request, Links.Draft.class);
        Caller caller = request.caller();
        return writes.submit(() -> ApiResponse.json(HttpResponseStatus.CREATED, json.write(new ItemsJson<>(
                links.add(caller, draft).stream().map(TrackViews::link).toList()))));
    }

    CompletableFuture<ApiResponse> links(ApiRequest request) {
        String camera = request.queryParam("camera");
        Caller caller = request.caller();
        return reads.submit(() -> {
            return ApiResponse.json(HttpResponseStatus.OK, json.write(new ItemsJson<>(
                    links.list(caller, camera).stream().map(TrackViews::link).toList())));
        });
    }

    CompletableFuture<ApiResponse> deleteLink(ApiRequest request) {
        String id = request.pathParam("id");
        Caller caller = request.caller();
        return writes.submit(() -> {
            links.delete(caller, id);
            return ApiResponse.noContent();
        });
    }
}
