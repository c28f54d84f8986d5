package org.wardnet.server.api;

import org.wardnet.core.registry.Ids;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.Problem;

/** Reading and checking the parameters every resource shares: the path id and boolean flags. */
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
}
