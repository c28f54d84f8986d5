package org.wardnet.adapters.rtsp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed SDP (RFC 4566) as far as RTSP clients use it.
 *
 * @param name     the session name ({@code s=}), or "" when absent
 * @param control  the session-level {@code a=control}, or null
 * @param media    every media section, in order
 * @param warnings lines that were skipped as malformed, each with its line number
 */
public record SessionDescription(String name, String control, List<Media> media, List<String> warnings) {

    public SessionDescription {
        media = List.copyOf(media);
        warnings = List.copyOf(warnings);
    }

    /**
     * The camera's video: the first video section not marked send-only (in ONVIF SDPs send-only
     * marks a back channel, which the client sends), else the first video section at all (some
     * servers mark their own stream send-only, from their side).
     */
    public Optional<Media> firstVideo() {
        Optional<Media> received = media.stream()
                .filter(m -> m.type().equals("video") && !"sendonly".equals(m.direction())).findFirst();
        return received.isPresent() ? received : media.stream().filter(m -> m.type().equals("video")).findFirst();
    }

    /**
     * One {@code m=} section.
     *
     * @param type      video, audio, application... (vendor types such as {@code application/TP-LINK} kept)
     * @param protocol  RTP/AVP and the like
     * @param formats   payload formats as written (usually payload type numbers)
     * @param control   its {@code a=control}, or null
     * @param direction sendonly, recvonly, sendrecv or inactive; null when not given
     * @param rtpMaps   {@code a=rtpmap} by format
     * @param fmtp      {@code a=fmtp} parameters by format (keys lower case)
     */
    public record Media(String type, String protocol, List<String> formats, String control, String direction,
            Map<String, RtpMap> rtpMaps, Map<String, Map<String, String>> fmtp) {

        public Media {
            formats = List.copyOf(formats);
            rtpMaps = Map.copyOf(rtpMaps);
            fmtp = Map.copyOf(fmtp);
        }

        /** The first format's rtpmap, or the static payload type's (RFC 3551) when it has none. */
        public Optional<RtpMap> firstRtpMap() {
            if (formats.isEmpty()) {
                return Optional.empty();
            }
            String format = formats.get(0);
            RtpMap declared = rtpMaps.get(format);
            return declared != null ? Optional.of(declared) : Optional.ofNullable(RtpMap.staticPayload(format));
        }

        /** The first format's fmtp parameters; empty when it has none. */
        public Map<String, String> firstFmtp() {
            return formats.isEmpty() ? Map.of() : fmtp.getOrDefault(formats.get(0), Map.of());
        }
    }

    /**
     * An {@code a=rtpmap}.
     *
     * @param encoding   upper-cased encoding name (H264, H265, PCMA...)
     * @param clockRate  RTP clock rate in Hz
     * @param parameters channels for audio, or ""
     */
    public record RtpMap(String encoding, int clockRate, String parameters) {

        private static final Map<String, RtpMap> STATIC = Map.of("0", new RtpMap("PCMU", 8000, "1"),
                "8", new RtpMap("PCMA", 8000, "1"), "26", new RtpMap("JPEG", 90000, ""),
                "32", new RtpMap("MPV", 90000, ""), "33", new RtpMap("MP2T", 90000, ""));

        static RtpMap staticPayload(String format) {
            return STATIC.get(format);
        }
    }
}
