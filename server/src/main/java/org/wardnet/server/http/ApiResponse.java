package org.wardnet.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: status, content type, body and extra headers.
 *
 * @param status      HTTP status
 * @param contentType value of Content-Type; null when the body is empty
 * @param body        the body bytes
 * @param headers     further headers (Location, Allow, Retry-After...)
 * @param stream      for a streamed answer (server-sent events), what produces it; null otherwise
 * @param file        for an answer that is part of a file, which part; null otherwise
 * @param socket      for a request that becomes a WebSocket, what runs on it; null otherwise
 */
public record ApiResponse(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers,
        EventStream stream, FilePart file, MediaSocket socket) {

    public ApiResponse(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, null, null, null);
    }

    /**
     * Bytes {@code [offset, offset + length)} of a file, sent from the file by the transport
     * (zero-copy where it can), never read into the heap.
     */
    public record FilePart(Path path, long offset, long length, boolean temporary) {

        public FilePart(Path path, long offset, long length) {
            this(path, offset, length, false);
        }

        /** A file made for this one answer (fetched from a child node): deleted once it is sent or the send fails. */
        public static FilePart temporary(Path path, long length) {
            return new FilePart(path, 0, length, true);
        }
    }

    /** A {@code text/event-stream} answer that stays open and carries what {@code stream} sends. */
    public static ApiResponse events(EventStream stream) {
        return new ApiResponse(HttpResponseStatus.OK, "text/event-stream; charset=utf-8", new byte[0], Map.of(), stream,
                null, null);
    }

    /** The request's connection becomes a WebSocket (101) on which {@code socket} runs. */
    public static ApiResponse webSocket(MediaSocket socket) {
        return new ApiResponse(HttpResponseStatus.SWITCHING_PROTOCOLS, null, new byte[0], Map.of(), null, null, socket);
    }

    /** Part of a file (all of it for a 200, a range for a 206). */
    public static ApiResponse file(HttpResponseStatus status, String contentType, FilePart part) {
        return new ApiResponse(status, contentType, new byte[0], Map.of(), null, part, null);
    }

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
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, contentType, body, copy, stream, file, socket);
    }
}
