package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.registry.Cameras;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
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

    private final Cameras cameras;
    private final BlockingWork writes;
    private final BlockingWork reads;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final Paging paging;
    private final CameraJsonCache rendered;

    /** @param reads where the whole-district map layer is written (some 900 KB: off the event loop) */
    CameraResource(Cameras cameras, Registry registry, BlockingWork writes, BlockingWork reads, JsonCodec json,
            Paging paging) {
        this.reads = reads;
        this.cameras = cameras;
        this.writes = writes;
        this.json = json;
        this.bodies = new RequestBodies(json);
        this.paging = paging;
        this.rendered = new CameraJsonCache(json, () -> registry.queries().cameraCount());
    }

    CompletableFuture<ApiResponse> list(ApiRequest request) {
        ListQuery query = paging.query(request);
        Page<Camera> page = cameras.list(request.caller(), query);
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(
                new RegistryJson.PageJson<>(page.items().stream().map(RegistryJson::camera).toList(), query.limit(),
                        Paging.cursor(page.nextId())))));
    }

    /** Every camera the caller sees, in columns, for the console's map. */
    CompletableFuture<ApiResponse> layer(ApiRequest request) {
        Caller caller = request.caller();
        return reads.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(
                RegistryJson.CameraLayerJson.of(cameras.visible(caller)))));
    }

    CompletableFuture<ApiResponse> get(ApiRequest request) {
        Camera camera = cameras.get(request.caller(), RequestParams.id(request));
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, rendered.json(camera)));
    }

    CompletableFuture<ApiResponse> create(ApiRequest request) {
        CameraDraft draft = bodies.json(request, CameraDraft.class);
        Caller caller = request.caller();
        return writes.submit(() -> {
            Camera camera = cameras.create(caller, draft);
            return ApiResponse.json(HttpResponseStatus.CREATED, json.write(RegistryJson.camera(camera)))
                    .withHeader("Location", "/api/v1/cameras/" + camera.id());
        });
    }

    CompletableFuture<ApiResponse> replace(ApiRequest request) {
        String id = RequestParams.id(request);
        CameraDraft draft = bodies.json(request, CameraDraft.class);
        Caller caller = request.caller();
        return writes.submit(() -> ApiResponse.json(HttpResponseStatus.OK,
                json.write(RegistryJson.camera(cameras.replace(caller, id, draft)))));
    }

    CompletableFuture<ApiResponse> delete(ApiRequest request) {
        String id = RequestParams.id(request);
        Caller caller = request.caller();
        return writes.submit(() -> {
            cameras.delete(caller, id);
            return ApiResponse.noContent();
        });
    }
}
