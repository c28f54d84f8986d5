package org.wardnet.adapters.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every captured RTSP message and SDP decodes, or fails with a precise reason. */
class CapturedTrafficTest {

    /** Expected video per capture: codec and size ("?" when the SDP carries no parameter sets). */
    private static final Map<String, String> VIDEO = new LinkedHashMap<>();

    static {
        VIDEO.put("aces-ssdrtspserver-DESCRIBE-backchannel.sdp", "H264 640x360");
        VIDEO.put("anpviz-unknown-DESCRIBE.sdp", "H264 704x576");
        VIDEO.put("dahua-unknown-DESCRIBE-h264-aac-onvif.rtsp", "H264 704x480");
        VIDEO.put("flir-unknown-DESCRIBE.sdp", "MP4V-ES ?");
        VIDEO.put("h264dvr-unknown-DESCRIBE.rtsp", "H264 1920x1080");
        VIDEO.put("hanwha-samsung-unknown-DESCRIBE.sdp", "H264 1920x1080");
        VIDEO.put("hanwha-wisenet-nvr-DESCRIBE.sdp", "H264 2592x1520");
        VIDEO.put("hikvision-hik-media-server-v3.1.3-DESCRIBE.sdp", "H264 704x480");
        VIDEO.put("hikvision-like-unknown-DESCRIBE.sdp", "H264 800x448");
        VIDEO.put("hikvision-unknown-DESCRIBE.rtsp", "H264 1920x1080");
        VIDEO.put("ids-ueye-live-rtsp-server-DESCRIBE.sdp", "H264 1920x1080");
        VIDEO.put("ioi-trk-101-DESCRIBE.sdp", "MP4V-ES ?");
        VIDEO.put("ipcam-unknown-DESCRIBE.rtsp", "H264 1280x960");
        VIDEO.put("live555-2014-ipcamera-DESCRIBE.sdp", "JPEG ?");
        VIDEO.put("livereporter-app-DESCRIBE.sdp", "H264 640x480");
        VIDEO.put("mercury-unknown-DESCRIBE.sdp", "H264 1280x720");
        VIDEO.put("reolink-unknown-DESCRIBE-bc-streaming.sdp", "H264 2560x1920");
        VIDEO.put("reolink-unknown-DESCRIBE.rtsp", "H264 2560x1440");
        VIDEO.put("rockchip-rbslive-unknown-DESCRIBE.sdp", "H264 1920x1080");
        VIDEO.put("rtspserver-unknown-DESCRIBE.sdp", "H264 1280x720");
        VIDEO.put("sony-snc-wr630-DESCRIBE.sdp", "H264 1920x1080");
        VIDEO.put("tplink-unknown-DESCRIBE-h265.sdp", "H265 2304x1296");
        VIDEO.put("tplink-unknown-DESCRIBE.sdp", "H265 2560x1440");
        VIDEO.put("ubiquiti-unknown-DESCRIBE.sdp", "H264 1920x1080");
        VIDEO.put("uniview-h3c-vcp-ipc-DESCRIBE-backchannel.sdp", "H264 640x360");
        VIDEO.put("unknown-h265-DESCRIBE-no-session-name.sdp", "H265 2304x1296");
        VIDEO.put("unknown-streamed-by-rtsp-server-DESCRIBE.sdp", "H264 ?");
        VIDEO.put("unknown-unknown-DESCRIBE-no-content-type.rtsp", "H264 320x180");
        VIDEO.put("vurix-nvr-DESCRIBE.sdp", "H264 1920x1080");
        VIDEO.put("wowza-streaming-engine-DESCRIBE.rtsp", "H264 240x160");
    }

    /** Captures without usable video, and the precise reason. */
    private static final Map<String, String> NO_VIDEO = Map.of(
            "aja-encoder-DESCRIBE.sdp", "no rtpmap for format [96]",
            "udptechnology-unknown-DESCRIBE-fragment.sdp", "no video media (media: [metadata])");

    private static String sdpText(String name) throws Exception {
        if (name.endsWith(".sdp")) {
            return new String(Captures.bytes(name), StandardCharsets.UTF_8);
        }
        FullHttpMessage message = Captures.decode(name);
        try {
            return message.content().toString(StandardCharsets.UTF_8);
        } finally {
            message.release();
        }
    }

    @Test
    void everyCapturedMessageDecodesWithItsCSeq() throws Exception {
        int messages = 0;
        for (String name : Captures.names()) {
            if (!name.endsWith(".rtsp")) {
                continue;
            }
            FullHttpMessage message = Captures.decode(name);
            try {
                assertTrue(message.decoderResult().isSuccess(), name);
                assertTrue(message.headers().getInt("CSeq") != null, name + " has a CSeq");
                if (message instanceof FullHttpResponse response) {
                    assertEquals(200, response.status().code(), name);
                }
                messages++;
            } finally {
                message.release();
            }
        }
        assertEquals(22, messages);
    }

    @Test
    void everyCapturedSdpGivesItsVideoOrAPreciseReason() throws Exception {
        int checked = 0;
        for (String name : Captures.names()) {
            if (!VIDEO.containsKey(name) && !NO_VIDEO.containsKey(name)) {
                continue;
            }
            SessionDescription sdp = SdpParser.parse(sdpText(name));
            if (NO_VIDEO.containsKey(name)) {
                SdpException e = assertThrows(SdpException.class, () -> VideoTrack.of(sdp), name);
                assertTrue(e.getMessage().contains(NO_VIDEO.get(name)), name + ": " + e.getMessage());
            } else {
                VideoTrack video = VideoTrack.of(sdp);
                String size = video.size() == null ? "?" : video.size().toString();
                assertEquals(VIDEO.get(name), video.codec() + " " + size, name + " (" + video.sizeProblem() + ")");
            }
            checked++;
        }
        assertEquals(VIDEO.size() + NO_VIDEO.size(), checked, "every listed capture exists");
    }

    @Test
    void sizesAgreeWithWhatTheCameraDeclaresElsewhere() throws Exception {
        // Hikvision also states its size in a=x-dimensions: an independent check of the SPS reading.
        String text = sdpText("hikvision-unknown-DESCRIBE.rtsp");
        assertTrue(text.contains("a=x-dimensions:1920,1080"));
        assertEquals("1920x1080", VideoTrack.of(SdpParser.parse(text)).size().toString());
    }

    @Test
    void vendorQuirksAreTolerated() throws Exception {
        SessionDescription hik = SdpParser.parse(sdpText("hikvision-hik-media-server-v3.1.3-DESCRIBE.sdp"));
        assertEquals("*", hik.control(), "malformed c= line does not stop the session control being read");
        SessionDescription tplink = SdpParser.parse(sdpText("tplink-unknown-DESCRIBE.sdp"));
        assertEquals("application/tp-link", tplink.media().get(2).type());
        SessionDescription ueye = SdpParser.parse(sdpText("ids-ueye-live-rtsp-server-DESCRIBE.sdp"));
        assertEquals("sendonly", ueye.firstVideo().orElseThrow().direction(), "its only video is kept");
        SessionDescription uniview = SdpParser.parse(sdpText("uniview-h3c-vcp-ipc-DESCRIBE-backchannel.sdp"));
        assertEquals("rtsp://1.0.1.113/media/video2/video", VideoTrack.of(uniview).control());
        SessionDescription ubiquiti = SdpParser.parse(sdpText("ubiquiti-unknown-DESCRIBE.sdp"));
        assertEquals(1, ubiquiti.warnings().size(), "the unreadable line is counted: " + ubiquiti.warnings());
        assertNull(VideoTrack.of(SdpParser.parse(sdpText("flir-unknown-DESCRIBE.sdp"))).size());
    }

    @Test
    void textWithoutMediaIsAPreciseError() {
        SdpException e = assertThrows(SdpException.class, () -> SdpParser.parse("v=0\r\ns=nothing\r\ngarbage\r\n"));
        assertTrue(e.getMessage().contains("no media section"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }
}
