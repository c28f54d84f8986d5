package org.wardnet.adapters.live;

import java.util.Objects;

/**
 * Where a relayed stream is pulled from.
 *
 * @param url      the camera's rtsp:// URL, without credentials
 * @param username null or empty when the camera asks for none
 * @param password the camera's password, or null
 */
public record LiveSource(String url, String username, String password) {

    public LiveSource {
        Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
        return "LiveSource[" + url + "]"; // never the password
    }
}
