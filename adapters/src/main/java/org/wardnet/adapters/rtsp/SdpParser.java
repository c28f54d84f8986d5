package org.wardnet.adapters.rtsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses SDP leniently, as cameras write it: CRLF or LF endings, missing {@code v=}/{@code o=}/
 * {@code t=} lines, malformed origin and connection lines, vendor media types with non-numeric
 * formats, duplicate attributes (the first wins). Lines that cannot be read are skipped and listed
 * in {@link SessionDescription#warnings()}; only text with no media section at all is an error.
 */
public final class SdpParser {

    private SdpParser() {
    }

    /** @throws SdpException when the text holds no media section */
    public static SessionDescription parse(String text) {
        List<String> warnings = new ArrayList<>();
        List<SessionDescription.Media> media = new ArrayList<>();
        String name = "";
        String sessionControl = null;
        MediaBuilder current = null;
        String[] lines = text.split("\r?\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                warnings.add("line " + (i + 1) + ": not type=value: '" + abbreviate(line) + "'");
                continue;
            }
            char type = line.charAt(0);
            String value = line.substring(2).strip();
            if (type == 'm') {
                if (current != null) {
                    media.add(current.build());
                }
                current = MediaBuilder.of(value, i + 1, warnings);
            } else if (type == 'a' && current != null) {
                current.attribute(value, i + 1, warnings);
            } else if (type == 'a' && current == null && value.startsWith("control:") && sessionControl == null) {
                sessionControl = value.substring("control:".length()).strip();
            } else if (type == 's' && current == null) {
                name = value;
            }
        }
        if (current != null) {
            media.add(current.build());
        }
        if (media.isEmpty()) {
            throw new SdpException("the session description has no media section (m= line)"
                    + (warnings.isEmpty() ? "" : "; skipped: " + warnings));
        }
        return new SessionDescription(name, sessionControl, media, warnings);
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }

    /** Collects one media section; a malformed m= line yields a builder that is skipped. */
    private static final class MediaBuilder {
        private final String type;
        private final String protocol;
        private final List<String> formats;
        private String control;
        private String direction;
        private final Map<String, SessionDescription.RtpMap> rtpMaps = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> fmtp = new LinkedHashMap<>();

        private MediaBuilder(String type, String protocol, List<String> formats) {
            this.type = type;
            this.protocol = protocol;
            this.formats = formats;
        }

        static MediaBuilder of(String value, int line, List<String> warnings) {
            String[] parts = value.split("\\s+");
            if (parts.length < 3) {
                warnings.add("line " + line + ": m= needs media, port and protocol: '" + abbreviate(value) + "'");
                return new MediaBuilder(parts[0].toLowerCase(Locale.ROOT), "", List.of());
            }
            List<String> formats = new ArrayList<>();
            for (int i = 3; i < parts.length; i++) {
                formats.add(parts[i]);
            }
            return new MediaBuilder(parts[0].toLowerCase(Locale.ROOT), parts[2], formats);
        }

        void attribute(String value, int line, List<String> warnings) {
            int colon = value.indexOf(':');
            String key = (colon < 0 ? value : value.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
            String rest = colon < 0 ? "" : value.substring(colon + 1).strip();
            switch (key) {
                case "control" -> control = control == null ? rest : control;
                case "sendonly", "recvonly", "sendrecv", "inactive" -> direction = key;
                case "rtpmap" -> rtpMap(rest, line, warnings);
                case "fmtp" -> fmtp(rest, line, warnings);
                default -> { } // other attributes are not needed
            }
        }

        private void rtpMap(String rest, int line, List<String> warnings) {
            String[] formatAndEncoding = rest.split("\\s+", 2);
            String[] encoding = formatAndEncoding.length < 2 ? new String[0] : formatAndEncoding[1].split("/");
            try {
                if (encoding.length < 2) {
                    throw new NumberFormatException("no clock rate");
                }
                int clock = Integer.parseInt(encoding[1].strip());
                rtpMaps.putIfAbsent(formatAndEncoding[0], new SessionDescription.RtpMap(
                        encoding[0].strip().toUpperCase(Locale.ROOT), clock, encoding.length > 2 ? encoding[2] : ""));
            } catch (NumberFormatException e) {
                warnings.add("line " + line + ": rtpmap without a numeric clock rate: '" + abbreviate(rest) + "'");
            }
        }

        private void fmtp(String rest, int line, List<String> warnings) {
            String[] formatAndParams = rest.split("\\s+", 2);
            if (formatAndParams.length < 2) {
                warnings.add("line " + line + ": fmtp without parameters: '" + abbreviate(rest) + "'");
                return;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : formatAndParams[1].split(";")) {
                int eq = pair.indexOf('='); // base64 values end in '=', so split at the first one only
                if (eq > 0) {
                    params.putIfAbsent(pair.substring(0, eq).strip().toLowerCase(Locale.ROOT), pair.substring(eq + 1).strip());
                }
            }
            fmtp.putIfAbsent(formatAndParams[0], params);
        }

        SessionDescription.Media build() {
            return new SessionDescription.Media(type, protocol, formats, control, direction, rtpMaps, fmtp);
        }
    }
}
