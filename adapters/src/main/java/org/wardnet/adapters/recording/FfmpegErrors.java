package org.wardnet.adapters.recording;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what FFmpeg's numbered errors mean. JavaCV reports a failed write as, for example,
 * {@code avformat_write_header error() error -28: Could not write header}, where -28 is
 * {@code AVERROR(ENOSPC)}: a full disk that nobody reading the message, and no code looking for the
 * system's "No space left on device", would recognise. The system's text is added after the number,
 * and JavaCV's hints to its own programmer ("make sure FFmpegLogCallback.set() has been called")
 * are taken out: they mean nothing to whoever reads the status, the log or an API answer.
 *
 * <p>Limits: Linux error numbers; only the few a file write or a network read meets are named.
 */
final class FfmpegErrors {

    private static final Pattern CODE = Pattern.compile("error -(\\d+)\\b");
    private static final Pattern HINTS = Pattern.compile(
            "\\s*\\((?:Has setFormat\\(\\) been called\\?"
                    + "|For more details, make sure FFmpegLogCallback\\.set\\(\\) has been called\\.)\\)");
    private static final Map<Integer, String> SYSTEM_TEXT = Map.of(
            5, "Input/output error",
            13, "Permission denied",
            28, "No space left on device",
            30, "Read-only file system",
            111, "Connection refused",
            122, "Disk quota exceeded");

    private FfmpegErrors() {
    }

    /** The message without JavaCV's hints, the system's text after the first error number it knows. */
    static String explained(String message) {
        if (message == null) {
            return null;
        }
        String plain = HINTS.matcher(message).replaceAll("");
        Matcher m = CODE.matcher(plain);
        while (m.find()) {
            String text = SYSTEM_TEXT.get(Integer.parseInt(m.group(1)));
            if (text != null) {
                return plain.substring(0, m.end()) + " (" + text + ")" + plain.substring(m.end());
            }
        }
        return plain;
    }
}
