package org.wardnet.adapters.onvif;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the answers of the ONVIF operations Wardnet uses, each from the first element of a SOAP
 * Body (see {@link SoapEnvelope#answer}). Lookups go by local name, so any prefix and both the
 * Media (trt) and Media2 (tr2) shapes are read; a reply missing a required part is
 * {@link OnvifError#MALFORMED_XML} naming that part.
 */
public final class OnvifReplies {

    public static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";
    public static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";
    public static final String MEDIA2 = "http://www.onvif.org/ver20/media/wsdl";
    public static final String EVENTS = "http://www.onvif.org/ver10/events/wsdl";
    public static final String PTZ = "http://www.onvif.org/ver20/ptz/wsdl";
    public static final String IMAGING = "http://www.onvif.org/ver20/imaging/wsdl";

    private OnvifReplies() {
    }

    /** The device's UTC clock from GetSystemDateAndTime (falls back to LocalDateTime read as UTC). */
    public static Instant systemDateAndTime(XmlElement answer) throws OnvifException {
        XmlElement at = answer.child("SystemDateAndTime").orElse(answer);
        Optional<XmlElement> clock = at.child("UTCDateTime").or(() -> at.child("LocalDateTime"));
        if (clock.isEmpty()) {
            throw missing("UTCDateTime");
        }
        try {
            XmlElement c = clock.get();
            return LocalDateTime.of(number(c, "Date", "Year"), number(c, "Date", "Month"), number(c, "Date", "Day"),
                    number(c, "Time", "Hour"), number(c, "Time", "Minute"), number(c, "Time", "Second"))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new OnvifException(OnvifError.MALFORMED_XML, "device clock out of range: " + e.getMessage());
        }
    }

    public static DeviceInformation deviceInformation(XmlElement answer) {
        return new DeviceInformation(text(answer, "Manufacturer"), text(answer, "Model"), text(answer, "FirmwareVersion"),
                text(answer, "SerialNumber"), text(answer, "HardwareId"));
    }

    /**
     * GetCapabilities as service addresses: Device, Media, Events, PTZ, Imaging, Analytics when
     * present (in that order), each with the namespace of its service.
     */
    public static List<ServiceAddress> capabilities(XmlElement answer) {
        XmlElement capabilities = answer.child("Capabilities").orElse(answer);
        List<ServiceAddress> found = new ArrayList<>();
        addCapability(found, capabilities, "Device", DEVICE);
        addCapability(found, capabilities, "Media", MEDIA);
        addCapability(found, capabilities, "Events", EVENTS);
        addCapability(found, capabilities, "PTZ", PTZ);
        addCapability(found, capabilities, "Imaging", IMAGING);
        addCapability(found, capabilities, "Analytics", "http://www.onvif.org/ver20/analytics/wsdl");
        return found;
    }

    private static void addCapability(List<ServiceAddress> found, XmlElement capabilities, String name, String ns) {
        capabilities.child(name).map(c -> c.textAt("XAddr")).filter(x -> x != null)
                .ifPresent(xaddr -> found.add(new ServiceAddress(ns, xaddr, "")));
    }

    /** GetServices: every service with its namespace, address and version. */
    public static List<ServiceAddress> services(XmlElement answer) {
        List<ServiceAddress> found = new ArrayList<>();
        for (XmlElement service : answer.all("Service")) {
            String ns = service.textAt("Namespace");
            String xaddr = service.textAt("XAddr");
            if (ns == null || xaddr == null) {
                continue;
            }
            String major = service.textAt("Version", "Major");
            String minor = service.textAt("Version", "Minor");
            found.add(new ServiceAddress(ns, xaddr, major == null ? "" : major + "." + (minor == null ? "0" : minor)));
        }
        return found;
    }

    /** GetScopes: the scope URIs, in the device's order. */
    public static List<String> scopes(XmlElement answer) {
        List<String> found = new ArrayList<>();
        for (XmlElement scope : answer.all("Scopes")) {
            String item = scope.textAt("ScopeItem");
            if (item != null) {
                found.add(item);
            } else if (!scope.text().isEmpty()) { // some devices send the URI as the element's text
                found.add(scope.text());
            }
        }
        return found;
    }

    /** GetProfiles of Media (trt) or Media2 (tr2). */
    public static List<MediaProfile> profiles(XmlElement answer) throws OnvifException {
        List<MediaProfile> found = new ArrayList<>();
        for (XmlElement profile : answer.all("Profiles")) {
            String token = profile.attribute("token");
            if (token == null || token.isEmpty()) {
                throw missing("Profiles/@token");
            }
            String name = profile.textAt("Name");
            XmlElement encoder = profile.child("VideoEncoderConfiguration")
                    .or(() -> profile.path("Configurations", "VideoEncoder")).orElse(null);
            if (encoder == null) {
                found.add(new MediaProfile(token, name == null ? "" : name, "", 0, 0, 0, 0));
                continue;
            }
            String encoding = encoder.textAt("Encoding");
            if (encoding == null) { // Media2 may carry it as an attribute
                encoding = encoder.attribute("Encoding");
            }
            found.add(new MediaProfile(token, name == null ? "" : name, encoding == null ? "" : encoding,
                    optionalNumber(encoder, "Resolution", "Width"), optionalNumber(encoder, "Resolution", "Height"),
                    optionalNumber(encoder, "RateControl", "FrameRateLimit"),
                    optionalNumber(encoder, "RateControl", "BitrateLimit")));
        }
        return found;
    }

    /** GetStreamUri or GetSnapshotUri of Media ({@code MediaUri/Uri}) or Media2 ({@code Uri}). */
    public static String uri(XmlElement answer) throws OnvifException {
        String uri = answer.textAt("MediaUri", "Uri");
        if (uri == null) {
            uri = answer.textAt("Uri");
        }
        if (uri == null) {
            throw missing("MediaUri/Uri");
        }
        return uri;
    }

    private static String text(XmlElement parent, String name) {
        String value = parent.textAt(name);
        return value == null ? "" : value;
    }

    private static int number(XmlElement parent, String... path) throws OnvifException {
        String value = parent.textAt(path);
        if (value == null) {
            throw missing(String.join("/", path));
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new OnvifException(OnvifError.MALFORMED_XML, String.join("/", path) + " is not a number: " + value);
        }
    }

    private static int optionalNumber(XmlElement parent, String... path) {
        String value = parent.textAt(path);
        if (value == null) {
            return 0;
        }
        try {
            return (int) Math.round(Double.parseDouble(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static OnvifException missing(String part) {
        return new OnvifException(OnvifError.MALFORMED_XML, "reply lacks " + part);
    }
}
