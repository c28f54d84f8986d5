package org.wardnet.core.registry;

import java.util.Objects;

/**
 * Where a camera's ONVIF device service answers.
 *
 * @param url         http(s) URL of the device service, without credentials in it
 * @param credentials login for WS-Security or HTTP Digest
 */
public record OnvifEndpoint(String url, Credentials credentials) {

    public OnvifEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credentials, "credentials");
    }
}
