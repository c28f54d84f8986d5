package org.wardnet.server.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.wardnet.core.registry.Ids;
import org.wardnet.core.registry.ListQuery;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.Problem;

/**
 * Reads {@code limit}, {@code cursor}, {@code site} and {@code q} from a list request, and makes
 * the opaque cursor of the next page. A cursor is the last id of a page, base64url-encoded: stable
 * while others write, and meaningless to parse.
 */
final class Paging {

    private final int defaultLimit;
    private final int maxLimit;

    Paging(int defaultLimit, int maxLimit) {
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    int maxLimit() {
        return maxLimit;
    }

    ListQuery query(ApiRequest request) {
        int limit = limit(request.queryParam("limit"));
        String after = decode(request.queryParam("cursor"));
        String site = request.queryParam("site");
        if (site != null && !Ids.isValid(site)) {
            throw new ApiException(Problem.badRequest("query parameter 'site' must be " + Ids.RULE));
        }
        String text = request.queryParam("q");
        if (text != null && text.length() > 200) {
            throw new ApiException(Problem.badRequest("query parameter 'q' is longer than 200 characters"));
        }
        return new ListQuery(after, limit, site, text);
    }

    static String cursor(String lastId) {
        return lastId == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    /** The request's {@code limit}: the default when absent, 1 to the maximum. */
    int limit(ApiRequest request) {
        return limit(request.queryParam("limit"));
    }

    private int limit(String text) {
        if (text == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(Problem.badRequest("query parameter 'limit' must be an integer from 1 to "
                + maxLimit + ", got '" + text + "'"));
    }

    private static String decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (Ids.isValid(id)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new ApiException(Problem.badRequest("query parameter 'cursor' is not one this server issued;"
                + " use the nextCursor of the previous page"));
    }
}
