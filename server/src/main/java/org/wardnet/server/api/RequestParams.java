package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Ids;
import org.wardnet.core.registry.Registry;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * Reading and checking what every resource shares: the path id, boolean flags, the camera an id
 * names (404 when none), and the 400 for one invalid field.
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

    /**
     * The registered camera {@code id} names, when it lies in the caller's scope; otherwise the
     * same 404 as for an id that does not exist, so ids outside the scope do not leak.
     */
    static Camera camera(Registry registry, ApiRequest request, String id) {
        return registry.camera(id).filter(c -> request.requireScope().covers(c.siteId()))
                .orElseThrow(() -> new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND,
                        "not-found", "Not found", "no camera '" + id + "'")));
    }

    /**
     * Whether a stored record of camera {@code id} (a clip, sighting, plan) may be shown: always to
     * the district, which also sees records of cameras since removed; otherwise when the camera
     * exists and lies in the caller's scope.
     */
    static boolean recordVisible(Registry registry, ApiRequest request, String id) {
        return request.requireScope().districtWide() || visibleCamera(registry, request, id);
    }

    /** Whether camera {@code id} exists and lies in the caller's scope. */
    static boolean visibleCamera(Registry registry, ApiRequest request, String id) {
        return registry.camera(id).filter(c -> request.requireScope().covers(c.siteId())).isPresent();
    }

    /** The site {@code id} names when it lies in the caller's scope, or the 404 of a missing site. */
    static org.wardnet.core.registry.Site site(Registry registry, ApiRequest request, String id) {
        return registry.site(id).filter(s -> request.requireScope().covers(s.id()))
                .orElseThrow(() -> new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND, "not-found",
                        "Not found", "no site '" + id + "'")));
    }

    /** A 400 naming every invalid field of {@code what}. */
    static ApiException invalid(String what, List<org.wardnet.core.errors.FieldError> errors) {
        return new ApiException(Problem.of(HttpResponseStatus.BAD_REQUEST, "invalid", "Invalid input",
                what + " is invalid: " + String.join("; ",
                errors.stream().map(org.wardnet.core.errors.FieldError::toString).toList()))
                .withErrors(errors.stream().map(e -> JsonCodec.fieldError(e.field(), e.reason())).toList()));
    }

    /** A 400 naming one field and what is wrong with it. */
    static ApiException invalid(String field, String reason) {
        return new ApiException(Problem.badRequest(field + ": " + reason)
                .withErrors(List.of(JsonCodec.fieldError(field, reason))));
    }
}
