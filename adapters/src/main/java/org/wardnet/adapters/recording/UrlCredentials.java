package org.wardnet.adapters.recording;

import java.util.regex.Pattern;

/**
 * Takes the user information out of every URL in a message. FFmpeg names the input it could not
 * open, and the recorder opens it with the camera's (or the relay's) user name and password in the
 * URL; the message goes to the recording status, the camera's history and the log, none of which
 * may ever show a password.
 *
 * <p>Limits: only {@code scheme://userinfo@} forms are recognised; a password printed elsewhere in a
 * message (not part of a URL) is not.
 */
final class UrlCredentials {

    /** A scheme, "://", then anything up to an "@" that stays within the URL's authority. */
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@\\s\"']*@");

    private UrlCredentials() {
    }

    /** The message with {@code scheme://user:password@host} written as {@code scheme://host}. */
    static String removedFrom(String message) {
        return message == null ? null : USER_INFO.matcher(message).replaceAll("$1");
    }
}
