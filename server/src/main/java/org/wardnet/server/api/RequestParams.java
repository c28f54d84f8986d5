package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.Ids;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * Reading and checking what every resource shares: the path id, boolean flags, and the 400 for
 * invalid fields. Scope is the use cases' business, not checked here.
 */
final class RequestParams {

    private RequestParams() {
    }

    /** The {@code {id}} of the path, checked against the id rule. */
    static String id(ApiRequest request) {
        String id = request.pathParam("id");
        if (!Ids.isValid(id)) {
            throw new ApiException(Problem.badRequest("the id in the path must be " + Ids.RULE + ", got '" + id + "'"));
        }
        return id;
    }

    /** A boolean query flag: absent or {@code false} is false; {@code true} or bare {@code ?name} is true. */
    static boolean flag(ApiRequest request, String name) {
        String value = request.queryParam(name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true") || value.isEmpty()) {
            return true;
        }
        throw new ApiException(Problem.badRequest("query parameter '" + name + "' must be true or false, got '"
                + value + "'"));
    }

    /** A 400 naming every invalid field of {@code what}. */
    static ApiException invalid(String what, List<FieldError> errors) {
        return new ApiException(Problem.of(HttpResponseStatus.BAD_REQUEST, "invalid", "Invalid input",
                what + " is invalid: " + String.join("; ",
                errors.stream().map(FieldError::toString).toList()))
                .withErrors(errors.stream().map(e -> JsonCodec.fieldError(e.field(), e.reason())).toList()));
    }

    /** A 400 naming one field and what is wrong with it. */
    static ApiException invalid(String field, String reason) {
        return new ApiException(Problem.badRequest(field + ": " + reason)
                .withErrors(List.of(JsonCodec.fieldError(field, reason))));
    }
}
