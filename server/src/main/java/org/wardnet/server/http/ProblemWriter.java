package org.wardnet.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns problems and exceptions into {@code application/problem+json} responses. Exceptions that
 * the API layer knows are translated by the {@link ExceptionTranslator} given; anything else is a
 * bug, logged with its stack trace and answered 500 without internals.
 */
public final class ProblemWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemWriter.class);

    /** Maps a domain exception to a problem, or returns null when it does not know the exception. */
    @FunctionalInterface
    public interface ExceptionTranslator {
        Problem translate(Throwable error);
    }

    private final JsonCodec json;
    private final ExceptionTranslator translator;

    public ProblemWriter(JsonCodec json, ExceptionTranslator translator) {
        this.json = json;
        this.translator = translator;
    }

    public ApiResponse response(Problem problem) {
        ApiResponse response = new ApiResponse(problem.status(), Problem.MEDIA_TYPE, json.write(problem), Map.of());
        if (problem.status().equals(HttpResponseStatus.METHOD_NOT_ALLOWED)) {
            Object allow = problem.extensions().get("allow");
            if (allow instanceof List<?> methods) {
                response = response.withHeader("Allow", String.join(", ", methods.stream().map(Object::toString).toList()));
            }
        }
        Object size = problem.extensions().get("size");
        if (problem.status().equals(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE) && size != null) {
            response = response.withHeader("Content-Range", "bytes */" + size);
        }
        if (problem.status().equals(HttpResponseStatus.UNAUTHORIZED)) {
            Object error = problem.extensions().get("bearerError"); // RFC 6750: absent when no token was sent
            response = response.withHeader("WWW-Authenticate", "Bearer realm=\"wardnet\""
                    + (error == null ? "" : ", error=\"" + error + "\""));
        }
        Object retry = problem.extensions().get("retryAfterSeconds");
        if (retry != null) {
            response = response.withHeader("Retry-After", retry.toString());
        }
        return response;
    }

    /** The response for a failed handler; {@code what} names the request in the log line of a bug. */
    public ApiResponse responseFor(Throwable error, String what) {
        if (error instanceof ApiException api) {
            return response(api.problem());
        }
        Problem translated = translator.translate(error);
        if (translated != null) {
            return response(translated);
        }
        LOG.error("unexpected failure serving {}", what, error);
        return response(Problem.of(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the server failed unexpectedly; the failure was logged"));
    }
}
