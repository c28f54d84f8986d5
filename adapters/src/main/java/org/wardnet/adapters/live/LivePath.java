package org.wardnet.adapters.live;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A live URL's parts: {@code /live/{cameraId}} or {@code /live/{cameraId}/sub}, optionally
 * followed by a track ({@code /trackID=0}), with an optional {@code ticket} query parameter.
 * Absolute RTSP URLs and bare paths are both read.
 *
 * @param stream the stream named
 * @param ticket the ticket given, or null
 */
record LivePath(StreamKey stream, String ticket) {

    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The path's stream, or null when it names none. */
    static LivePath parse(String uri) {
        String path;
        String query;
        try {
            URI parsed = URI.create(uri);
            path = parsed.getRawPath();
            query = parsed.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null || !path.startsWith("/live/")) {
            return null;
        }
        String[] parts = path.substring("/live/".length()).split("/");
        int count = parts.length;
        if (count > 0 && parts[count - 1].startsWith("trackID=")) {
            count--;
        }
        if (count < 1 || count > 2 || !CAMERA_ID.matcher(parts[0]).matches() || count == 2 && !parts[1].equals("sub")) {
            return null;
        }
        return new LivePath(new StreamKey(parts[0], count == 2), ticket(query));
    }

    private static String ticket(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("ticket=")) {
                return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
