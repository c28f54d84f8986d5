package org.wardnet.core.registry;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A camera as a client sends it (JSON body, CSV or NDJSON row): every field may be missing or
 * wrong. {@link #validate} checks each field and returns a {@link Camera} or every error found.
 *
 * <p>Passwords are write-only, so a client that reads a camera and sends it back cannot repeat
 * them: a null password keeps the one already stored for that endpoint, and "" clears it.
 */
public record CameraDraft(String id, String siteId, String name, Location location, Double heading,
        String mounting, String vendor, String model, Onvif onvif, Rtsp rtsp) {

    /** The top-level fields a camera accepts. */
    public static final List<String> FIELDS = List.of("id", "siteId", "name", "location", "heading", "mounting",
            "vendor", "model", "onvif", "rtsp");

    /** WGS-84 position as sent. */
    public record Location(Double lat, Double lon) {
    }

    /** ONVIF endpoint as sent. */
    public record Onvif(String url, String username, String password) {
    }

    /** RTSP streams as sent. */
    public record Rtsp(String url, String subUrl, String username, String password) {
    }

    /**
     * Checks every field.
     *
     * @param existing the stored camera this replaces (its passwords and creation time carry
     *                 over), or null for a new one
     * @param now      the time of the change
     */
    public Validated<Camera> validate(Camera existing, Instant now) {
        FieldChecks checks = new FieldChecks();
        checks.id("id", id);
        checks.id("siteId", siteId);
        String cleanName = checks.requiredText("name", name, 200);
        GeoPoint point = checkLocation(checks);
        if (heading != null && !(heading >= 0 && heading < 360)) {
            checks.add("heading", "degrees clockwise from north, 0 to less than 360, got " + heading);
        }
        String cleanMounting = checks.optionalText("mounting", mounting, 500);
        String cleanVendor = checks.optionalText("vendor", vendor, 100);
        String cleanModel = checks.optionalText("model", model, 100);
        OnvifEndpoint onvifEndpoint = checkOnvif(checks, existing);
        RtspEndpoint rtspEndpoint = checkRtsp(checks, existing);
        if (onvif == null && rtsp == null) {
            checks.add("", "a camera needs an ONVIF endpoint (onvif.url) or an RTSP stream (rtsp.url)");
        }
        if (!checks.ok()) {
            return Validated.invalid(checks.errors());
        }
        Instant created = existing == null ? now : existing.createdAt();
        return Validated.valid(new Camera(id, siteId, cleanName, point, heading, cleanMounting, cleanVendor,
                cleanModel, onvifEndpoint, rtspEndpoint, created, now));
    }

    private GeoPoint checkLocation(FieldChecks checks) {
        if (location == null) {
            checks.add("location", "required: {\"lat\": -90..90, \"lon\": -180..180}");
            return null;
        }
        boolean ok = true;
        if (location.lat() == null || !(location.lat() >= -90 && location.lat() <= 90)) {
            checks.add("location.lat", "required, WGS-84 degrees from -90 to 90, got " + location.lat());
            ok = false;
        }
        if (location.lon() == null || !(location.lon() >= -180 && location.lon() <= 180)) {
            checks.add("location.lon", "required, WGS-84 degrees from -180 to 180, got " + location.lon());
            ok = false;
        }
        return ok ? new GeoPoint(location.lat(), location.lon()) : null;
    }

    private OnvifEndpoint checkOnvif(FieldChecks checks, Camera existing) {
        if (onvif == null) {
            return null;
        }
        String url = checks.url("onvif.url", onvif.url(), Set.of("http", "https"));
        if (onvif.url() == null || onvif.url().isBlank()) {
            checks.add("onvif.url", "required when onvif is given: the device service URL,"
                    + " such as http://192.0.2.10/onvif/device_service");
        }
        String username = checks.optionalText("onvif.username", onvif.username(), 128);
        String password = checkPassword(checks, "onvif.password", onvif.password(),
                existing == null || existing.onvif() == null ? null : existing.onvif().credentials());
        return url == null ? null : new OnvifEndpoint(url, new Credentials(username, password));
    }

    private RtspEndpoint checkRtsp(FieldChecks checks, Camera existing) {
        if (rtsp == null) {
            return null;
        }
        Set<String> schemes = Set.of("rtsp", "rtsps");
        String url = checks.url("rtsp.url", rtsp.url(), schemes);
        if (rtsp.url() == null || rtsp.url().isBlank()) {
            checks.add("rtsp.url", "required when rtsp is given: the main stream, such as rtsp://192.0.2.10/stream1");
        }
        String subUrl = checks.url("rtsp.subUrl", rtsp.subUrl(), schemes);
        String username = checks.optionalText("rtsp.username", rtsp.username(), 128);
        String password = checkPassword(checks, "rtsp.password", rtsp.password(),
                existing == null || existing.rtsp() == null ? null : existing.rtsp().credentials());
        return url == null ? null : new RtspEndpoint(url, subUrl, new Credentials(username, password));
    }

    private static String checkPassword(FieldChecks checks, String field, String given, Credentials stored) {
        if (given == null) {
            return stored == null ? "" : stored.password();
        }
        if (given.length() > 256) {
            checks.add(field, "at most 256 characters");
        }
        return given;
    }
}
