package org.wardnet.core.registry;

import java.util.Objects;

/**
 * A camera's RTSP streams.
 *
 * @param url         main stream, rtsp(s) URL without credentials in it
 * @param subUrl      optional lower-resolution stream; null when there is none
 * @param credentials login for RTSP Basic or Digest authentication
 */
public record RtspEndpoint(String url, String subUrl, Credentials credentials) {

    public RtspEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credentials, "credentials");
    }
}
