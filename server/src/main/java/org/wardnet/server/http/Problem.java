package org.wardnet.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem: a machine-readable {@code type}, the status, a human title and a precise
 * {@code detail}, plus optional field errors and extension members.
 *
 * @param type       a URI naming the kind of problem
 * @param status     the HTTP status
 * @param title      short, the same for every problem of this type
 * @param detail     what went wrong with this request and what to do
 * @param errors     per-field errors ({@code field}, {@code reason}); may be empty
 * @param extensions further members, such as import results; may be empty
 */
public record Problem(String type, HttpResponseStatus status, String title, String detail,
        List<Map<String, Object>> errors, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = List.copyOf(errors);
        extensions = Map.copyOf(extensions);
    }

    public static Problem of(HttpResponseStatus status, String slug, String title, String detail) {
        return new Problem("urn:wardnet:problem:" + slug, status, title, detail, List.of(), Map.of());
    }

    public static Problem badRequest(String detail) {
        return of(HttpResponseStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
    }

    public Problem withErrors(List<Map<String, Object>> fieldErrors) {
        return new Problem(type, status, title, detail, fieldErrors, extensions);
    }

    public Problem withExtension(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extensions);
        copy.put(name, value);
        return new Problem(type, status, title, detail, errors, copy);
    }
}
