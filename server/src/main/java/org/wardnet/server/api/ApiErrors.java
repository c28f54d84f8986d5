package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;
import org.wardnet.core.registry.FieldError;
import org.wardnet.core.registry.RegistryException;
import org.wardnet.core.registry.StoreUnavailableException;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;
import org.wardnet.server.http.ProblemWriter;

/** Maps the domain's exceptions to problems: invalid 400, not found 404, conflict 409, store down 503. */
public final class ApiErrors implements ProblemWriter.ExceptionTranslator {

    @Override
    public Problem translate(Throwable error) {
        if (error instanceof RegistryException e) {
            return switch (e.kind()) {
                case INVALID -> Problem.of(HttpResponseStatus.BAD_REQUEST, "invalid", "Invalid input", e.getMessage())
                        .withErrors(fieldErrors(e.errors()));
                case NOT_FOUND -> Problem.of(HttpResponseStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
                case CONFLICT -> Problem.of(HttpResponseStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
            };
        }
        if (error instanceof StoreUnavailableException e) {
            return Problem.of(HttpResponseStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
                    e.getMessage()).withExtension("retryAfterSeconds", 5);
        }
        return null;
    }

    static List<Map<String, Object>> fieldErrors(List<FieldError> errors) {
        return errors.stream().map(error -> JsonCodec.fieldError(error.field(), error.reason())).toList();
    }
}
