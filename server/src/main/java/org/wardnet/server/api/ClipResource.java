package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.clips.ClipIngest;
import org.wardnet.app.clips.ClipQueries;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipDraft;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.errors.DomainException;
import org.wardnet.server.access.MediaLinks;
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

    /** Where a media link's ticket is redeemed. */
    static final String MEDIA_LINK_PATH = "/api/v1/media/";

    private final NodeFootage onNodes;
    private final ClipQueries clips;
    private final ClipIngest ingest;
    private final BlockingWork reads;
    private final BlockingWork writes;
    /** Directory imports read whole files: one at a time, away from the store's read threads. */
    private final BlockingWork imports;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final Paging paging;
    private final MediaLinks links;
    private final Duration widest;
    private final int maxRows;

    ClipResource(ClipQueries clips, ClipIngest ingest, NodeFootage onNodes, BlockingWork reads, BlockingWork writes,
            BlockingWork imports, JsonCodec json, Paging paging, MediaLinks links, Duration widest, int maxRows) {
        this.links = links;
        this.onNodes = onNodes;
        this.clips = clips;
        this.ingest = ingest;
        this.reads = reads;
        this.writes = writes;
        this.imports = imports;
        this.json = json;
        this.bodies = new RequestBodies(json);
        this.paging = paging;
        this.widest = widest;
        this.maxRows = maxRows;
    }

    CompletableFuture<ApiResponse> ingest(ApiRequest request) {
        Caller caller = request.caller();
        if (NdjsonBatch.singleObject(request)) {
            Clip clip = ingest.check(caller, json.read(request.body(), ClipDraft.class));
            return writes.submit(() -> {
                Clip stored = ingest.storeOne(clip);
                return ApiResponse.json(HttpResponseStatus.CREATED, json.write(ClipViews.clip(stored)))
                        .withHeader("Location", "/api/v1/clips/" + stored.id());
            });
        }
        boolean atomic = RequestParams.flag(request, "atomic");
        NdjsonBatch<ClipDraft, Clip> batch = new NdjsonBatch<>(json.mapper(), ClipDraft.class, ingest.rowCheck(caller),
                maxRows, "clips");
        return writes.submit(() -> batch.run(Utf8Body.decode(request.body()), atomic, ingest::store, json));
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
        Caller caller = request.caller();
        return reads.submit(() -> {
            ClipQueries.ClipPage page = clips.list(caller, camera, window.from(), window.to(), after, limit);
            return ApiResponse.json(HttpResponseStatus.OK, json.write(new ClipViews.ClipPageJson(
                    page.items().stream().map(ClipViews::clip).toList(), page.limit(),
                    page.next() == null ? null : ClipViews.cursorOf(page.next()))));
        });
    }

    CompletableFuture<ApiResponse> get(ApiRequest request) {
        long id = ClipViews.id(request.pathParam("id"));
        Caller caller = request.caller();
        return reads.submit(() -> {
            ClipQueries.HeldClip held = clips.get(caller, id);
            return ApiResponse.json(HttpResponseStatus.OK, json.write(ClipViews.clip(held.clip(), held.hold())));
        });
    }

    /** A hold as placed. */
    record HoldJson(long clipId, String hold) {
    }

    /** {@code {"reason": "case 2026-114"}}. */
    record HoldRequest(String reason) {
    }

    /** Places a hold: retention never deletes the clip until it is released. */
    CompletableFuture<ApiResponse> hold(ApiRequest request) {
        long id = ClipViews.id(request.pathParam("id"));
        HoldRequest body = bodies.json(request, HoldRequest.class);
        ClipQueries.requireReason(body.reason());
        Caller caller = request.caller();
        return writes.submit(() -> {
            String kept = clips.hold(caller, id, body.reason());
            return ApiResponse.json(HttpResponseStatus.OK, json.write(new HoldJson(id, kept)));
        });
    }

    CompletableFuture<ApiResponse> release(ApiRequest request) {
        long id = ClipViews.id(request.pathParam("id"));
        Caller caller = request.caller();
        return writes.submit(() -> {
            clips.release(caller, id);
            return ApiResponse.noContent();
        });
    }

    /**
     * The clip's video: a local file served with HTTP ranges straight from the file, or a redirect
     * (307) to the edge recorder that holds it.
     */
    CompletableFuture<ApiResponse> media(ApiRequest request) {
        return serveMedia(request.caller(), ClipViews.id(request.pathParam("id")),
                request.headers().get(HttpHeaderNames.RANGE));
    }

    /** A link that opens the clip's video for api.mediaLinkSeconds without a token (for a video element). */
    CompletableFuture<ApiResponse> mediaLink(ApiRequest request) {
        long id = ClipViews.id(request.pathParam("id"));
        Caller caller = request.caller();
        return reads.submit(() -> {
            Clip clip = clips.media(caller, id);
            MediaLinks.Link link = links.issue(clip.id());
            return ApiResponse.json(HttpResponseStatus.OK, json.write(new ClipViews.MediaLinkJson(
                    MEDIA_LINK_PATH + link.ticket(), link.expires())));
        });
    }

    /** The video a media link opens; a forged, malformed or expired link is answered 404. */
    CompletableFuture<ApiResponse> linkedMedia(ApiRequest request) {
        OptionalLong clip = links.redeem(request.pathParam("ticket"));
        if (clip.isEmpty()) {
            throw DomainException.notFound("no media at this link: it is malformed or has expired; ask "
                    + "POST /api/v1/clips/{id}/media-link for a new one");
        }
        return serveMedia(Caller.system(), clip.getAsLong(), request.headers().get(HttpHeaderNames.RANGE));
    }

    private CompletableFuture<ApiResponse> serveMedia(Caller caller, long id, String range) {
        return reads.submit(() -> {
            Clip clip = clips.media(caller, id);
            if (clip.heldByNode() != null) {
                return onNodes.media(caller, clip, range);
            }
            if (clip.remote()) {
                return new ApiResponse(HttpResponseStatus.TEMPORARY_REDIRECT, null, new byte[0], Map.of())
                        .withHeader("Location", clip.media());
            }
            Path file = Path.of(clip.media());
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new DomainException(DomainException.Kind.GONE, "media-gone", "Media gone",
                        "clip " + id + " is indexed but its file is not readable: " + e.getMessage());
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

    private static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
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
        DirectoryRequest body = bodies.json(request, DirectoryRequest.class);
        ClipIngest.DirectoryJob job = ingest.directory(request.caller(), body.directory(), body.cameraId());
        return imports.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(job.run())));
    }
}
