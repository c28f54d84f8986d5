package org.wardnet.adapters.live;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A live URL's parts: {@code /live/{cameraId}}, then {@code /sub} for the sub stream and
 * {@code /h264} for the stream transcoded to H.264 (either, both in that order, or neither), optionally
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
        if (count < 1 || count > 3 || !CAMERA_ID.matcher(parts[0]).matches()) {
            return null;
        }
        boolean sub = false;
        boolean transcoded = false;
        for (int i = 1; i < count; i++) {
            if (parts[i].equals("sub") && i == 1) {
                sub = true;
            } else if (parts[i].equals("h264") && i == count - 1) {
                transcoded = true;
            } else {
                return null;
            }
        }
        return new LivePath(new StreamKey(parts[0], sub, transcoded), ticket(query));
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
