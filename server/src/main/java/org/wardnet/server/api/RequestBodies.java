package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Set;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/** Checks a request's media type and charset, then reads its JSON body. */
final class RequestBodies {

    private final JsonCodec json;

    RequestBodies(JsonCodec json) {
        this.json = json;
    }

    <T> T json(ApiRequest request, Class<T> type) {
        requireMediaType(request, Set.of("application/json"));
        return json.read(request.body(), type);
    }

    /** Refuses a body whose Content-Type is not one of {@code accepted}, or whose charset is not UTF-8. */
    static void requireMediaType(ApiRequest request, Set<String> accepted) {
        String media = request.mediaType();
        if (!accepted.contains(media)) {
            throw new ApiException(Problem.of(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "Content-Type must be " + String.join(" or ", accepted.stream().sorted().toList())
                            + ", got '" + (media.isEmpty() ? "none" : media) + "'"));
        }
        String charset = request.charset();
        if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
            throw new ApiException(Problem.of(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-charset",
                    "Unsupported charset", "only UTF-8 bodies are accepted, got charset=" + charset
                            + "; convert the file to UTF-8"));
        }
    }
}
