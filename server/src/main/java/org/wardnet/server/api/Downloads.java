package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.Problem;

/** A file the server just wrote, sent whole from disk as an attachment. */
final class Downloads {

    private Downloads() {
    }

    static ApiResponse attachment(Path file, String mediaType, String filename) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ApiException(Problem.of(HttpResponseStatus.INTERNAL_SERVER_ERROR, "export-failed",
                    "Export failed", e.getMessage()));
        }
        return ApiResponse.file(HttpResponseStatus.OK, mediaType, new ApiResponse.FilePart(file, 0, size))
                .withHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}
