package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.MediaFiles;
import org.wardnet.core.registry.Registry;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.Problem;

/**
 * {@code GET /api/v1/cameras/{id}/export?from=&to=}: one MP4 cut from the camera's local segments
 * covering the window, by remux (see {@link MediaFiles#cut}), written under {@code exports/} in the
 * data directory and sent from the file. Exports older than an hour are removed on the next one.
 * Footage held on edge recorders is not fetched: a window covered only remotely is a 409 naming it.
 */
final class ExportResource {

    private static final Duration KEEP = Duration.ofHours(1);

    private final ClipIndex index;
    private final MediaFiles media;
    private final Registry registry;
    private final BlockingWork work;
    private final Path directory;
    private final Duration longest;

    ExportResource(ClipIndex index, MediaFiles media, Registry registry, BlockingWork work, Path directory,
            Duration longest) {
        this.index = index;
        this.media = media;
        this.registry = registry;
        this.work = work;
        this.directory = directory;
        this.longest = longest;
    }

    CompletableFuture<ApiResponse> export(ApiRequest request) {
        String id = RequestParams.camera(registry, request, RequestParams.id(request)).id();
        TimeWindow window = TimeWindow.of(request, longest);
        return work.submit(() -> {
            List<Clip> clips = index.overlapping(id, window.from(), window.to(), null, 10_000);
            List<MediaFiles.Source> local = new ArrayList<>();
            for (Clip clip : clips) {
                if (!clip.remote()) {
                    local.add(new MediaFiles.Source(Path.of(clip.media()), clip.start()));
                }
            }
            if (local.isEmpty()) {
                throw new ApiException(Problem.of(clips.isEmpty() ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.CONFLICT,
                        "no-footage", "No footage", clips.isEmpty() ? "camera '" + id + "' has no footage in the window"
                                : "the window's footage is held on edge recorders (" + clips.get(0).media()
                                        + "); fetch it there"));
            }
            Path out;
            try {
                Files.createDirectories(directory);
                removeOld();
                out = directory.resolve(id + "-" + window.from().getEpochSecond() + "-" + UUID.randomUUID() + ".mp4");
                media.cut(local, window.from(), window.to(), out);
            } catch (IOException e) {
                throw new ApiException(Problem.of(HttpResponseStatus.UNPROCESSABLE_ENTITY, "export-failed",
                        "Export failed", e.getMessage()));
            }
            return Downloads.attachment(out, "video/mp4", id + "-" + window.from().toString().replace(":", "") + ".mp4");
        });
    }

    private void removeOld() throws IOException {
        Instant cutoff = Instant.now().minus(KEEP);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
