package org.wardnet.adapters.onvif;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A complete HTTP reply from a device.
 *
 * @param status          status code
 * @param contentType     Content-Type, empty when absent
 * @param wwwAuthenticate every WWW-Authenticate value
 * @param body            the body bytes
 */
public record HttpReply(int status, String contentType, List<String> wwwAuthenticate, byte[] body) {

    public HttpReply {
        wwwAuthenticate = List.copyOf(wwwAuthenticate);
    }

    /** Whether the body is an HTML page or plain text rather than XML. */
    public boolean looksLikeHtml() {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            return true;
        }
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    /** Whether the body is XML at all (starts with {@code <}, after a byte order mark or blanks). */
    public boolean looksLikeXml() {
        String start = new String(body, 0, Math.min(body.length, 16), StandardCharsets.UTF_8).replace("\uFEFF", "")
                .stripLeading();
        return start.startsWith("<");
    }

    public boolean offersDigest() {
        return wwwAuthenticate.stream().anyMatch(h -> h.strip().regionMatches(true, 0, "Digest", 0, 6));
    }

    public boolean offersBasic() {
        return wwwAuthenticate.stream().anyMatch(h -> h.strip().regionMatches(true, 0, "Basic", 0, 5));
    }
}
