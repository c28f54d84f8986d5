package org.wardnet.server.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.clips.ClipExports;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;

/**
 * {@code GET /api/v1/cameras/{id}/export?from=&to=}: one MP4 cut by {@link ClipExports} from the
 * camera's local segments covering the window, sent from the file as an attachment.
 */
final class ExportResource {

    private final ClipExports exports;
    private final BlockingWork work;
    private final Duration longest;

    ExportResource(ClipExports exports, BlockingWork work, Duration longest) {
        this.exports = exports;
        this.work = work;
        this.longest = longest;
    }

    CompletableFuture<ApiResponse> export(ApiRequest request) {
        String id = RequestParams.id(request);
        TimeWindow window = TimeWindow.of(request, longest);
        Caller caller = request.caller();
        return work.submit(() -> {
            Path out = exports.export(caller, id, window.from(), window.to());
            return Downloads.attachment(out, "video/mp4", id + "-" + window.from().toString().replace(":", "") + ".mp4");
        });
    }
}
