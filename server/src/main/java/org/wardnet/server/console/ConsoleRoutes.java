package org.wardnet.server.console;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.Problem;
import org.wardnet.server.http.Router;

/**
 * The routes of the web console: {@code /} (its page), {@code /console/...} (its modules, styles
 * and images) and {@code /webjars/...} (the libraries it loads). They are public: the files hold
 * no data, and the API decides what each user may read. Files are answered with an entity tag
 * (a matching {@code If-None-Match} gets 304); the console's own files are revalidated on every
 * load, so an upgrade shows at once, and WebJars, whose paths carry their version, are cached.
 *
 * <p>Every answer carries the console's Content-Security-Policy: scripts, styles, images and
 * connections from this origin only, no inline script or style, media from this origin (and
 * {@code blob:}, for snapshots and downloads the page fetched with its token, and the edge
 * recorders console.mediaOrigins names), framing refused.
 */
public final class ConsoleRoutes {

    private final ConsoleFiles files;
    private final BlockingWork reads;
    private final String policy;

    /**
     * @param reads        where a file is first read from the jar (later answers come from memory)
     * @param mediaOrigins console.mediaOrigins: edge recorders whose footage may play in the page
     */
    public ConsoleRoutes(ConsoleFiles files, BlockingWork reads, String mediaOrigins) {
        this.files = files;
        this.reads = reads;
        this.policy = policy(mediaOrigins);
    }

    /** The policy of the console's pages, with the configured edge recorders' origins as media sources. */
    static String policy(String mediaOrigins) {
        StringBuilder media = new StringBuilder("'self' blob:");
        for (String origin : mediaOrigins.split(",")) {
            if (!origin.isBlank()) {
                media.append(' ').append(origin.strip());
            }
        }
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; media-src "
                + media + "; connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; "
                + "form-action 'none'; frame-ancestors 'none'";
    }

    public List<Router.Route> routes() {
        return List.of(
                new Router.Route(HttpMethod.GET, "/", request -> answer(request, "index.html", ConsoleFiles.CONSOLE_ROOT,
                        files::console, false)),
                new Router.Route(HttpMethod.GET, "/console/{file+}", request -> answer(request,
                        request.pathParam("file"), ConsoleFiles.CONSOLE_ROOT, files::console, false)),
                new Router.Route(HttpMethod.GET, "/webjars/{file+}", request -> answer(request,
                        request.pathParam("file"), ConsoleFiles.WEBJARS_ROOT, files::webjar, true)));
    }

    private CompletableFuture<ApiResponse> answer(ApiRequest request, String path, String root,
            Function<String, Optional<ConsoleFiles.File>> lookup, boolean versioned) {
        if (files.cached(root, path)) {
            return CompletableFuture.completedFuture(respond(request, path, lookup.apply(path), versioned));
        }
        return reads.submit(() -> respond(request, path, lookup.apply(path), versioned));
    }

    private ApiResponse respond(ApiRequest request, String path, Optional<ConsoleFiles.File> found,
            boolean versioned) {
        ConsoleFiles.File file = found.orElseThrow(() -> new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND,
                "not-found", "Not found", "the console has no file '" + path + "'")));
        String cache = versioned ? "public, max-age=604800, immutable" : "no-cache";
        if (file.etag().equals(request.headers().get(HttpHeaderNames.IF_NONE_MATCH))) {
            return new ApiResponse(HttpResponseStatus.NOT_MODIFIED, null, new byte[0], Map.of(
                    "ETag", file.etag(), "Cache-Control", cache, "Content-Security-Policy", policy));
        }
        return new ApiResponse(HttpResponseStatus.OK, file.contentType(), file.bytes(), Map.of(
                "ETag", file.etag(), "Cache-Control", cache, "Content-Security-Policy", policy));
    }
}
