package org.wardnet.simulator.onvif;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.simulator.camera.OnvifPersona;
import org.wardnet.simulator.camera.SimulatedCamera;

/**
 * The SOAP a simulated camera answers with, written in its variant's prefix. The media profiles
 * match what its RTSP side serves: the shipped H.264 clip, 640x360 at 25 frames per second, one
 * profile per stream path (main first).
 */
final class SimulatedOnvifReplies {

    static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";
    static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";
    static final String MEDIA2 = "http://www.onvif.org/ver20/media/wsdl";
    static final String SCHEMA = "http://www.onvif.org/ver10/schema";
    static final String ERROR = "http://www.onvif.org/ver10/error";

    private final SimulatedCamera camera;
    private final OnvifPersona persona;
    private final String p;

    SimulatedOnvifReplies(SimulatedCamera camera) {
        this.camera = camera;
        this.persona = camera.persona();
        this.p = persona.variant().prefix();
    }

    String base() {
        return "http://" + camera.host() + ":" + camera.port();
    }

    String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + p + ":Envelope xmlns:" + p
                + "=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:tt=\"" + SCHEMA + "\" xmlns:tds=\"" + DEVICE
                + "\" xmlns:trt=\"" + MEDIA + "\" xmlns:tr2=\"" + MEDIA2 + "\" xmlns:ter=\"" + ERROR + "\"><" + p
                + ":Body>" + body + "</" + p + ":Body></" + p + ":Envelope>";
    }

    String fault(String code, String subcode, String reason) {
        return envelope("<" + p + ":Fault><" + p + ":Code><" + p + ":Value>" + p + ":" + code + "</" + p + ":Value><"
                + p + ":Subcode><" + p + ":Value>ter:" + subcode + "</" + p + ":Value></" + p + ":Subcode></" + p
                + ":Code><" + p + ":Reason><" + p + ":Text xml:lang=\"en\">" + reason + "</" + p + ":Text></" + p
                + ":Reason></" + p + ":Fault>");
    }

    String systemDateAndTime(Instant deviceNow) {
        ZonedDateTime t = deviceNow.atZone(ZoneOffset.UTC);
        return envelope("<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType>"
                + "<tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>CST-8</tt:TZ></tt:TimeZone>"
                + "<tt:UTCDateTime><tt:Time><tt:Hour>" + t.getHour() + "</tt:Hour><tt:Minute>" + t.getMinute()
                + "</tt:Minute><tt:Second>" + t.getSecond() + "</tt:Second></tt:Time><tt:Date><tt:Year>" + t.getYear()
                + "</tt:Year><tt:Month>" + t.getMonthValue() + "</tt:Month><tt:Day>" + t.getDayOfMonth()
                + "</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>");
    }

    String deviceInformation() {
        return envelope("<tds:GetDeviceInformationResponse><tds:Manufacturer>" + persona.vendor()
                + "</tds:Manufacturer><tds:Model>" + persona.model() + "</tds:Model><tds:FirmwareVersion>"
                + persona.firmware() + "</tds:FirmwareVersion><tds:SerialNumber>" + persona.serial()
                + "</tds:SerialNumber><tds:HardwareId>" + persona.model() + "</tds:HardwareId>"
                + "</tds:GetDeviceInformationResponse>");
    }

    String capabilities() {
        String media = persona.variant().media()
                ? "<tt:Media><tt:XAddr>" + base() + "/onvif/media_service</tt:XAddr><tt:StreamingCapabilities>"
                        + "<tt:RTPMulticast>false</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP>"
                        + "<tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP></tt:StreamingCapabilities></tt:Media>"
                : "";
        return envelope("<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Device><tt:XAddr>" + base()
                + "/onvif/device_service</tt:XAddr></tt:Device>" + media + "</tds:Capabilities></tds:GetCapabilitiesResponse>");
    }

    String services() {
        StringBuilder out = new StringBuilder("<tds:GetServicesResponse>");
        service(out, DEVICE, "/onvif/device_service", 2, 60);
        if (persona.variant().media()) {
            service(out, MEDIA, "/onvif/media_service", 2, 60);
        }
        if (persona.variant().media2()) {
            service(out, MEDIA2, "/onvif/media2_service", 2, 60);
        }
        return envelope(out.append("</tds:GetServicesResponse>").toString());
    }

    private void service(StringBuilder out, String ns, String path, int major, int minor) {
        out.append("<tds:Service><tds:Namespace>").append(ns).append("</tds:Namespace><tds:XAddr>").append(base())
                .append(path).append("</tds:XAddr><tds:Version><tt:Major>").append(major).append("</tt:Major><tt:Minor>")
                .append(minor).append("</tt:Minor></tds:Version></tds:Service>");
    }

    String scopes() {
        StringBuilder out = new StringBuilder("<tds:GetScopesResponse>");
        for (String scope : scopeList()) {
            out.append("<tds:Scopes><tt:ScopeDef>Fixed</tt:ScopeDef><tt:ScopeItem>").append(scope)
                    .append("</tt:ScopeItem></tds:Scopes>");
        }
        return envelope(out.append("</tds:GetScopesResponse>").toString());
    }

    List<String> scopeList() {
        List<String> scopes = new ArrayList<>(List.of("onvif://www.onvif.org/type/video_encoder",
                "onvif://www.onvif.org/Profile/Streaming",
                "onvif://www.onvif.org/hardware/" + persona.model().replace(' ', '_'),
                "onvif://www.onvif.org/name/" + persona.name()));
        if (persona.variant().media2()) {
            scopes.add("onvif://www.onvif.org/Profile/T");
        }
        if (!persona.location().isEmpty()) {
            scopes.add("onvif://www.onvif.org/location/" + persona.location());
        }
        return scopes;
    }

    /** Media (trt) or Media2 (tr2) profiles; none under the NO_PROFILES fault. */
    String profiles(boolean media2, boolean none) {
        String ns = media2 ? "tr2" : "trt";
        StringBuilder out = new StringBuilder("<" + ns + ":GetProfilesResponse>");
        if (!none) {
            int index = 0;
            for (String path : camera.paths()) {
                String token = index == 0 ? "main" : "sub" + index;
                String name = index == 0 ? "mainStream" : "subStream";
                int bitrate = index == 0 ? 2048 : 512;
                index++;
                String encoder = "<tt:Name>" + name + "</tt:Name><tt:UseCount>1</tt:UseCount><tt:Encoding>H264</tt:Encoding>"
                        + "<tt:Resolution><tt:Width>640</tt:Width><tt:Height>360</tt:Height></tt:Resolution>"
                        + "<tt:Quality>4</tt:Quality><tt:RateControl><tt:FrameRateLimit>25</tt:FrameRateLimit>"
                        + (media2 ? "" : "<tt:EncodingInterval>1</tt:EncodingInterval>")
                        + "<tt:BitrateLimit>" + bitrate + "</tt:BitrateLimit></tt:RateControl>";
                String source = "<tt:Name>source</tt:Name><tt:UseCount>" + camera.paths().size()
                        + "</tt:UseCount><tt:SourceToken>vs0</tt:SourceToken>"
                        + "<tt:Bounds x=\"0\" y=\"0\" width=\"640\" height=\"360\"/>";
                if (media2) {
                    out.append("<tr2:Profiles token=\"").append(token).append("\" fixed=\"true\"><tr2:Name>").append(name)
                            .append("</tr2:Name><tr2:Configurations><tr2:VideoSource token=\"vsc0\">").append(source)
                            .append("</tr2:VideoSource><tr2:VideoEncoder token=\"enc-").append(token)
                            .append("\" GovLength=\"25\" Profile=\"Baseline\">").append(encoder)
                            .append("</tr2:VideoEncoder></tr2:Configurations></tr2:Profiles>");
                } else {
                    out.append("<trt:Profiles token=\"").append(token).append("\" fixed=\"true\"><tt:Name>").append(name)
                            .append("</tt:Name><tt:VideoSourceConfiguration token=\"vsc0\">").append(source)
                            .append("</tt:VideoSourceConfiguration><tt:VideoEncoderConfiguration token=\"enc-").append(token)
                            .append("\">")
                            .append(encoder).append("<tt:SessionTimeout>PT60S</tt:SessionTimeout>")
                            .append("</tt:VideoEncoderConfiguration></trt:Profiles>");
                }
            }
        }
        return envelope(out.append("</").append(ns).append(":GetProfilesResponse>").toString());
    }

    /** GetVideoSources (Media): the one sensor behind every profile. */
    String videoSources() {
        return envelope("<trt:GetVideoSourcesResponse><trt:VideoSources token=\"vs0\"><tt:Framerate>25</tt:Framerate>"
                + "<tt:Resolution><tt:Width>640</tt:Width><tt:Height>360</tt:Height></tt:Resolution></trt:VideoSources>"
                + "</trt:GetVideoSourcesResponse>");
    }

    /** The RTSP path a profile token stands for; null when the token is unknown. */
    String pathOf(String token) {
        int index = 0;
        for (String path : camera.paths()) {
            String t = index == 0 ? "main" : "sub" + index;
            if (t.equals(token)) {
                return path;
            }
            index++;
        }
        return null;
    }

    String streamUri(boolean media2, String path) {
        String uri = escape("rtsp://" + camera.host() + ":" + camera.port() + path);
        return media2
                ? envelope("<tr2:GetStreamUriResponse><tr2:Uri>" + uri + "</tr2:Uri></tr2:GetStreamUriResponse>")
                : envelope("<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>" + uri + "</tt:Uri>"
                        + "<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false"
                        + "</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>");
    }

    String snapshotUri(boolean media2) {
        String uri = base() + "/onvif/snapshot.jpg";
        return media2
                ? envelope("<tr2:GetSnapshotUriResponse><tr2:Uri>" + uri + "</tr2:Uri></tr2:GetSnapshotUriResponse>")
                : envelope("<trt:GetSnapshotUriResponse><trt:MediaUri><tt:Uri>" + uri + "</tt:Uri>"
                        + "<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false"
                        + "</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetSnapshotUriResponse>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
