package org.wardnet.adapters.rtsp;

import java.util.Base64;
import java.util.Map;
import org.wardnet.adapters.media.H264Sps;
import org.wardnet.adapters.media.H265Sps;
import org.wardnet.adapters.media.MalformedBitstreamException;
import org.wardnet.adapters.media.VideoSize;

/**
 * What Wardnet needs of a camera's video: codec, RTP clock, the control URL for SETUP and, when
 * the SDP carries the parameter sets, the picture size.
 *
 * @param codec     H264, H265, JPEG... (the rtpmap encoding)
 * @param clockRate RTP clock rate
 * @param control   the track's control attribute (absolute or relative), or null
 * @param size      from {@code sprop-parameter-sets} (H.264) or {@code sprop-sps} (H.265); null when
 *                  the SDP does not carry them or they cannot be read (see {@code sizeProblem})
 * @param sizeProblem why the size is unknown, or null
 */
public record VideoTrack(String codec, int clockRate, String control, VideoSize size, String sizeProblem) {

    /** The video of {@code sdp}; throws {@link SdpException} when it has none. */
    public static VideoTrack of(SessionDescription sdp) {
        SessionDescription.Media video = sdp.firstVideo().orElseThrow(() -> new SdpException(
                "the session description has no video media (media: " + sdp.media().stream()
                        .map(SessionDescription.Media::type).toList() + ")"));
        SessionDescription.RtpMap rtpMap = video.firstRtpMap().orElseThrow(() -> new SdpException(
                "the video media has no rtpmap for format " + video.formats()));
        Map<String, String> fmtp = video.firstFmtp();
        VideoSize size = null;
        String problem = null;
        try {
            String sps = spsOf(rtpMap.encoding(), fmtp);
            if (sps == null) {
                problem = "the SDP carries no parameter sets for " + rtpMap.encoding();
            } else {
                byte[] nal = Base64.getDecoder().decode(sps.strip());
                size = rtpMap.encoding().equals("H265") ? H265Sps.size(nal) : H264Sps.size(nal);
            }
        } catch (IllegalArgumentException | MalformedBitstreamException e) {
            problem = "unreadable parameter set: " + e.getMessage();
        }
        return new VideoTrack(rtpMap.encoding(), rtpMap.clockRate(), video.control(), size, problem);
    }

    private static String spsOf(String encoding, Map<String, String> fmtp) {
        if (encoding.equals("H264")) {
            String sets = fmtp.get("sprop-parameter-sets");
            return sets == null || sets.isBlank() ? null : sets.split(",")[0];
        }
        if (encoding.equals("H265")) {
            return fmtp.get("sprop-sps");
        }
        return null;
    }
}
