package org.wardnet.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 responses read back from the raw bytes a connection received, strictly: a status
 * line, headers, and a body framed by Content-Length or chunked coding (or running to the end
 * when the response has neither). Anything else throws {@link AssertionError}: a server's answer
 * must parse.
 */
record WireResponse(int status, String head, String body) {

    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3}) [^\r\n]*\r\n");

    /** The value of header {@code name} (case-insensitive), or "" when absent. */
    String header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
        }
        return "";
    }

    static List<WireResponse> all(byte[] bytes) {
        List<WireResponse> out = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int headEnd = indexOf(bytes, at, "\r\n\r\n");
            if (headEnd < 0) {
                throw new AssertionError("a response head without its end: " + text(bytes, at, bytes.length));
            }
            String head = text(bytes, at, headEnd + 2);
            Matcher status = STATUS_LINE.matcher(head);
            if (!status.find()) {
                throw new AssertionError("not an HTTP status line: " + head);
            }
            WireResponse bare = new WireResponse(Integer.parseInt(status.group(1)), head, "");
            at = headEnd + 4;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String length = bare.header("content-length");
            if (bare.header("transfer-encoding").equalsIgnoreCase("chunked")) {
                at = dechunk(bytes, at, body);
            } else if (!length.isEmpty()) {
                int n = Integer.parseInt(length);
                if (at + n > bytes.length) {
                    throw new AssertionError("a body cut short: " + n + " bytes announced, "
                            + (bytes.length - at) + " sent");
                }
                body.write(bytes, at, n);
                at += n;
            } else if (bare.status() != 204 && bare.status() != 304 && bare.status() >= 200) {
                body.write(bytes, at, bytes.length - at);
                at = bytes.length;
            }
            out.add(new WireResponse(bare.status(), head, body.toString(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static int dechunk(byte[] bytes, int at, ByteArrayOutputStream body) {
        while (true) {
            int lineEnd = indexOf(bytes, at, "\r\n");
            if (lineEnd < 0) {
                throw new AssertionError("a chunk size line cut short");
            }
            String size = text(bytes, at, lineEnd).split(";")[0].strip();
            int n = Integer.parseInt(size, 16);
            at = lineEnd + 2;
            if (n == 0) {
                int trailerEnd = indexOf(bytes, at - 2, "\r\n\r\n");
                if (trailerEnd < 0) {
                    throw new AssertionError("chunked body without its end");
                }
                return trailerEnd + 4;
            }
            if (at + n + 2 > bytes.length) {
                throw new AssertionError("a chunk cut short");
            }
            body.write(bytes, at, n);
            at += n + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from, String what) {
        byte[] w = what.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = Math.max(0, from); i + w.length <= bytes.length; i++) {
            for (int k = 0; k < w.length; k++) {
                if (bytes[i + k] != w[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, Math.min(to, bytes.length) - from, StandardCharsets.ISO_8859_1);
    }
}
