package org.wardnet.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a handler answers: status, content type, body and extra headers.
 *
 * @param status      HTTP status
 * @param contentType value of Content-Type; null when the body is empty
 * @param body        the body bytes
 * @param headers     further headers (Location, Allow, Retry-After...)
 */
public record ApiResponse(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json";

    public static ApiResponse json(HttpResponseStatus status, byte[] body) {
        return new ApiResponse(status, JSON, body, Map.of());
    }

    public static ApiResponse text(HttpResponseStatus status, String contentType, String body) {
        return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(HttpResponseStatus.NO_CONTENT, null, new byte[0], Map.of());
    }

    public ApiResponse withHeader(String name, String value) {
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, contentType, body, copy);
    }
}
