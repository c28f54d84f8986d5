package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipDraft;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Validated;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * The clip index over HTTP: ingest of footage held elsewhere (one JSON object, or an NDJSON batch
 * with one result per row and {@code ?atomic=true} as in camera import), a camera's clips in a
 * window (ordered, paged), one clip by id. Store work runs off the event loops.
 */
final class ClipResource {


    private final ClipIndex index;
    private final Registry registry;
    private final BlockingWork reads;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final Paging paging;
    private final Duration widest;
    private final int maxRows;
    /** Directory imports read whole files: one at a time, away from the store's read threads. */
    private final BlockingWork imports;

    private final org.wardnet.core.clips.ClipRetentionStore holds;

    private final org.wardnet.app.clips.ImportRoots importRoots;
    private final org.wardnet.core.clips.MediaFiles media;

    ClipResource(ClipIndex index, org.wardnet.core.clips.ClipRetentionStore holds, Registry registry, BlockingWork reads,
            BlockingWork writes, BlockingWork imports, JsonCodec json, Paging paging, Duration widest, int maxRows,
            org.wardnet.app.clips.ImportRoots importRoots, org.wardnet.core.clips.MediaFiles media) {
        this.importRoots = importRoots;
        this.media = media;
        this.holds = holds;
        this.imports = imports;
        this.index = index;
        this.registry = registry;
        this.reads = reads;
        this.writes = writes;
        this.json = json;
        this.paging = paging;
        this.widest = widest;
        this.maxRows = maxRows;
    }

    CompletableFuture<ApiResponse> ingest(ApiRequest request) {
        if (NdjsonBatch.singleObject(request)) {
            Validated<Clip> checked = json.read(request.body(), ClipDraft.class)
                    .validate(visibleCameras(request), ClipOrigin.INGESTED);
            if (!checked.isValid()) {
                throw RequestParams.invalid("clip", checked.errors());
            }
            Clip clip = checked.value();
            return writes.submit(() -> {
                long id = index.add(List.of(clip)).get(0);
                Clip stored = index.get(id).orElseThrow();
                return ApiResponse.json(HttpResponseStatus.CREATED, json.write(ClipViews.clip(stored)))
                        .withHeader("Location", "/api/v1/clips/" + id);
            });
        }
        boolean atomic = RequestParams.flag(request, "atomic");
        NdjsonBatch<ClipDraft, Clip> batch = new NdjsonBatch<>(json.mapper(), ClipDraft.class,
                draft -> draft.validate(visibleCameras(request), ClipOrigin.INGESTED), maxRows, "clips");
        return writes.submit(() -> batch.run(Utf8Body.decode(request.body()), atomic, index::add, json));
    }

    CompletableFuture<ApiResponse> list(ApiRequest request) {
        String camera = request.queryParam("camera");
        if (camera == null || camera.isBlank()) {
            throw new ApiException(Problem.badRequest("camera: required").withErrors(List.of(
                    JsonCodec.fieldError("camera", "required: the camera whose clips to list"))));
        }
        TimeWindow window = TimeWindow.of(request, widest);
        int limit = paging.limit(request);
        ClipIndex.Cursor after = ClipViews.cursor(request.queryParam("cursor"));
        RequestParams.camera(registry, request, camera);
        return reads.submit(() -> {
            List<Clip> clips = index.overlapping(camera, window.from(), window.to(), after, limit + 1);
            boolean more = clips.size() > limit;
            List<Clip> page = more ? clips.subList(0, limit) : clips;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", page.stream().map(ClipViews::clip).toList());
            body.put("limit", limit);
            body.put("nextCursor", more ? ClipViews.cursorOf(page.get(page.size() - 1)) : null);
            return ApiResponse.json(HttpResponseStatus.OK, json.write(body));
        });
    }

    CompletableFuture<ApiResponse> get(ApiRequest request) {
        long id = ClipViews.id(request.pathParam("id"));
        return reads.submit(() -> {
            Map<String, Object> view = new LinkedHashMap<>(ClipViews.clip(existing(request, id)));
            holds.holdOf(id).ifPresent(reason -> view.put("hold", reason));
            return ApiResponse.json(HttpResponseStatus.OK, json.write(view));
        });
    }

    /** {@code {"reason": "case 2026-114"}}. */
    record HoldRequest(String reason) {
    }

    /** Places a hold: retention never deletes the clip until it is released. */
    CompletableFuture<ApiResponse> hold(ApiRequest request) {
        long id = ClipViews.id(request.pathParam("id"));
        HoldRequest body = new RequestBodies(json).json(request, HoldRequest.class);
        if (body.reason() == null || body.reason().isBlank() || body.reason().length() > 500) {
            throw RequestParams.invalid("reason", "required: who needs the clip kept, 1 to 500 characters");
        }
        return writes.submit(() -> {
            existing(request, id);
            holds.hold(id, body.reason().strip(), java.time.Instant.now());
            return ApiResponse.json(HttpResponseStatus.OK, json.write(Map.of("clipId", id, "hold", body.reason().strip())));
        });
    }

    CompletableFuture<ApiResponse> release(ApiRequest request) {
        long id = ClipViews.id(request.pathParam("id"));
        return writes.submit(() -> {
            existing(request, id);
            if (!holds.release(id)) {
                throw new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND, "not-found", "Not found",
                        "clip " + id + " has no hold"));
            }
            return ApiResponse.noContent();
        });
    }

    /** The clip, when its camera is in the caller's scope; a clip of another camera is as missing as none. */
    private Clip existing(ApiRequest request, long id) {
        return index.get(id).filter(clip -> RequestParams.recordVisible(registry, request, clip.cameraId()))
                .orElseThrow(() -> new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND, "not-found",
                        "Not found", "no clip " + id)));
    }

    /**
     * The clip's video: a local file served with HTTP ranges straight from the file, or a redirect
     * (307) to the edge recorder that holds it.
     */
    CompletableFuture<ApiResponse> media(ApiRequest request) {
        long id = ClipViews.id(request.pathParam("id"));
        String range = request.headers().get(io.netty.handler.codec.http.HttpHeaderNames.RANGE);
        return reads.submit(() -> {
            Clip clip = existing(request, id);
            if (clip.remote()) {
                return new ApiResponse(HttpResponseStatus.TEMPORARY_REDIRECT, null, new byte[0], Map.of())
                        .withHeader("Location", clip.media());
            }
            java.nio.file.Path file = java.nio.file.Path.of(clip.media());
            long size;
            try {
                size = java.nio.file.Files.size(file);
            } catch (java.io.IOException e) {
                throw new ApiException(Problem.of(HttpResponseStatus.GONE, "media-gone", "Media gone",
                        "clip " + id + " is indexed but its file is not readable: " + e.getMessage()));
            }
            ByteRange bytes = ByteRange.resolve(range, size);
            String type = contentType(file);
            switch (bytes.status()) {
                case UNSATISFIABLE:
                    throw new ApiException(Problem.of(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                            "range-not-satisfiable", "Range not satisfiable", "the file has " + size
                                    + " bytes; the Range '" + range + "' is malformed or starts beyond its end")
                            .withExtension("size", size)); // the 416 carries Content-Range: bytes */size
                case PARTIAL:
                    return ApiResponse.file(HttpResponseStatus.PARTIAL_CONTENT, type,
                            new ApiResponse.FilePart(file, bytes.start(), bytes.length()))
                            .withHeader("Content-Range", "bytes " + bytes.start() + "-" + bytes.end() + "/" + size)
                            .withHeader("Accept-Ranges", "bytes");
                default:
                    return ApiResponse.file(HttpResponseStatus.OK, type, new ApiResponse.FilePart(file, 0, size))
                            .withHeader("Accept-Ranges", "bytes");
            }
        });
    }

    private static String contentType(java.nio.file.Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".ts")) {
            return "video/mp2t";
        }
        if (name.endsWith(".mkv")) {
            return "video/x-matroska";
        }
        return "video/mp4";
    }

    /** {@code {"directory": "/path", "cameraId": "optional"}}. */
    record DirectoryRequest(String directory, String cameraId) {
    }

    /** Indexes a folder of recordings on the server's disk (see {@link org.wardnet.app.clips.DirectoryImport}). */
    CompletableFuture<ApiResponse> importDirectory(ApiRequest request) {
        DirectoryRequest body = new RequestBodies(json).json(request, DirectoryRequest.class);
        if (body.directory() == null || body.directory().isBlank()) {
            throw RequestParams.invalid("directory", "required: a folder on the server's disk");
        }
        java.nio.file.Path directory;
        try {
            directory = importRoots.check(body.directory());
        } catch (IllegalArgumentException e) {
            throw RequestParams.invalid("directory", e.getMessage());
        }
        java.util.function.Predicate<String> cameras = visibleCameras(request);
        if (body.cameraId() != null && !cameras.test(body.cameraId())) {
            throw RequestParams.invalid("cameraId", "no camera '" + body.cameraId() + "' is registered");
        }
        return imports.submit(() -> {
            org.wardnet.app.clips.DirectoryImport.Outcome outcome;
            try {
                outcome = new org.wardnet.app.clips.DirectoryImport(index, cameras, media)
                        .run(directory, body.cameraId());
            } catch (IOException e) {
                throw new ApiException(Problem.of(HttpResponseStatus.UNPROCESSABLE_ENTITY, "import-failed",
                        "Import failed", "cannot read '" + directory + "': " + e.getMessage()));
            }
            return ApiResponse.json(HttpResponseStatus.OK, json.write(outcome));
        });
    }

    /** Registered cameras in the caller's scope: clips of others are refused as of unknown cameras. */
    private java.util.function.Predicate<String> visibleCameras(ApiRequest request) {
        return id -> RequestParams.visibleCamera(registry, request, id);
    }

}
