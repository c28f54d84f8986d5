package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.errors.FieldError;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;
import org.wardnet.server.http.ProblemWriter;

/**
 * The one place where the domain's errors become problems: the kind gives the status, the code the
 * problem type, and the field errors, retry delay and attributes become members of the answer.
 */
public final class ApiErrors implements ProblemWriter.ExceptionTranslator {

    @Override
    public Problem translate(Throwable error) {
        if (!(error instanceof DomainException e)) {
            return null;
        }
        Problem problem = Problem.of(status(e.kind()), e.code(), e.title(), e.getMessage())
                .withErrors(fieldErrors(e.errors()));
        for (Map.Entry<String, Object> attribute : e.attributes().entrySet()) {
            problem = problem.withExtension(attribute.getKey(), attribute.getValue());
        }
        return e.retryAfterSeconds() > 0 ? problem.withExtension("retryAfterSeconds", e.retryAfterSeconds()) : problem;
    }

    static HttpResponseStatus status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpResponseStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpResponseStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpResponseStatus.FORBIDDEN;
            case NOT_FOUND -> HttpResponseStatus.NOT_FOUND;
            case CONFLICT -> HttpResponseStatus.CONFLICT;
            case TOO_LARGE -> HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
            case UNPROCESSABLE -> HttpResponseStatus.UNPROCESSABLE_ENTITY;
            case GONE -> HttpResponseStatus.GONE;
            case THROTTLED -> HttpResponseStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpResponseStatus.SERVICE_UNAVAILABLE;
            case INSUFFICIENT_STORAGE -> HttpResponseStatus.INSUFFICIENT_STORAGE;
        };
    }

    static List<Map<String, Object>> fieldErrors(List<FieldError> errors) {
        return errors.stream().map(error -> JsonCodec.fieldError(error.field(), error.reason())).toList();
    }
}
