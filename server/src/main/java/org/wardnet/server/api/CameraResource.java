package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.ListQuery;
import org.wardnet.core.registry.Page;
import org.wardnet.core.registry.Registry;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

/** {@code /api/v1/cameras}: registered cameras. Reads answer from memory; writes go through the store. */
final class CameraResource {

    private final Registry registry;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final Paging paging;
    private final CameraJsonCache rendered;

    CameraResource(Registry registry, BlockingWork writes, JsonCodec json, Paging paging) {
        this.registry = registry;
        this.writes = writes;
        this.json = json;
        this.bodies = new RequestBodies(json);
        this.paging = paging;
        this.rendered = new CameraJsonCache(json, () -> registry.queries().cameraCount());
    }

    CompletableFuture<ApiResponse> list(ApiRequest request) {
        ListQuery query = paging.query(request);
        org.wardnet.core.access.AccessScope scope = request.requireScope();
        Page<Camera> page = scope.districtWide() ? registry.queries().cameras(query)
                : registry.queries().cameras(query, scope::covers);
        return done(new Views.PageView<>(page.items().stream().map(Views::camera).toList(), query.limit(),
                Paging.cursor(page.nextId())));
    }

    CompletableFuture<ApiResponse> get(ApiRequest request) {
        String id = RequestParams.id(request);
        Camera camera = RequestParams.camera(registry, request, id);
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, rendered.json(camera)));
    }

    CompletableFuture<ApiResponse> create(ApiRequest request) {
        CameraDraft draft = bodies.json(request, CameraDraft.class);
        requireSiteInScope(request, draft);
        return writes.submit(() -> {
            Camera camera = registry.createCamera(draft);
            return ApiResponse.json(HttpResponseStatus.CREATED, json.write(Views.camera(camera)))
                    .withHeader("Location", "/api/v1/cameras/" + camera.id());
        });
    }

    CompletableFuture<ApiResponse> replace(ApiRequest request) {
        String id = RequestParams.camera(registry, request, RequestParams.id(request)).id();
        CameraDraft draft = bodies.json(request, CameraDraft.class);
        requireSiteInScope(request, draft);
        return writes.submit(() -> ApiResponse.json(HttpResponseStatus.OK,
                json.write(Views.camera(registry.replaceCamera(id, draft)))));
    }

    CompletableFuture<ApiResponse> delete(ApiRequest request) {
        String id = RequestParams.camera(registry, request, RequestParams.id(request)).id();
        return writes.submit(() -> {
            registry.deleteCamera(id);
            return ApiResponse.noContent();
        });
    }

    /** A camera may only be put on a site in the caller's scope; another site answers as a missing one. */
    private static void requireSiteInScope(ApiRequest request, CameraDraft draft) {
        if (draft != null && draft.siteId() != null && !request.requireScope().covers(draft.siteId())) {
            throw RequestParams.invalid("siteId", "no site '" + draft.siteId() + "' exists");
        }
    }

    private CompletableFuture<ApiResponse> done(Object body) {
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(body)));
    }
}
