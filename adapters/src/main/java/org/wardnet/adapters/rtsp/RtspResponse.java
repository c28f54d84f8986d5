package org.wardnet.adapters.rtsp;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * An RTSP response detached from Netty's buffers.
 *
 * @param status  status code
 * @param reason  reason phrase
 * @param headers headers (case-insensitive lookup)
 * @param body    body as text (SDP is text); "" when empty
 */
record RtspResponse(int status, String reason, HttpHeaders headers, String body) {

    String header(String name) {
        return headers.get(name);
    }

    List<String> all(String name) {
        return headers.getAll(name);
    }
}
