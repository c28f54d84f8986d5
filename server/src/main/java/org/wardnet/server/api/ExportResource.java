package org.wardnet.server.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.clips.ClipExports;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;

/**
 * {@code GET /api/v1/cameras/{id}/export?from=&to=}: one MP4 cut by {@link ClipExports} from the
 * camera's local segments covering the window, sent from the file as an attachment; for a camera a
 * child node holds, cut by that node and relayed ({@link NodeFootage}).
 */
final class ExportResource {

    private final ClipExports exports;
    private final NodeFootage onNodes;
    private final BlockingWork work;
    private final Duration longest;

    ExportResource(ClipExports exports, NodeFootage onNodes, BlockingWork work, Duration longest) {
        this.exports = exports;
        this.onNodes = onNodes;
        this.work = work;
        this.longest = longest;
    }

    CompletableFuture<ApiResponse> export(ApiRequest request) {
        String id = RequestParams.id(request);
        TimeWindow window = TimeWindow.of(request, longest);
        Caller caller = request.caller();
        return work.submit(() -> {
            Optional<String> node = onNodes.ownerOf(caller, id);
            if (node.isPresent()) { // a child node holds the footage: it cuts, this node relays
                return onNodes.export(caller, node.get(), id, window.from(), window.to());
            }
            Path out = exports.export(caller, id, window.from(), window.to());
            return Downloads.attachment(out, "video/mp4", id + "-" + window.from().toString().replace(":", "") + ".mp4");
        });
    }
}
