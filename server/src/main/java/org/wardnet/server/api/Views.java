package org.wardnet.server.api;

import java.time.Instant;
import java.util.List;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Credentials;
import org.wardnet.core.registry.Site;

/**
 * The JSON shapes the API answers with. Passwords never appear: an endpoint says only whether
 * one is set.
 */
public final class Views {

    private Views() {
    }

    /** A site, with its direct counts when they were asked for. */
    public record SiteView(String id, String name, String tier, String parentId, String kind, String address,
            Instant createdAt, Instant updatedAt, Counts counts) {
    }

    /** How many sites hang directly under a site and how many cameras belong to it directly. */
    public record Counts(int childSites, int cameras) {
    }

    public record LocationView(double lat, double lon) {
    }

    public record OnvifView(String url, String username, boolean passwordSet) {
    }

    public record RtspView(String url, String subUrl, String username, boolean passwordSet) {
    }

    public record CameraView(String id, String siteId, String name, LocationView location, Double heading,
            String mounting, String vendor, String model, OnvifView onvif, RtspView rtsp, Instant createdAt,
            Instant updatedAt) {
    }

    /** One page of a list; {@code nextCursor} is absent on the last page. */
    public record PageView<T>(List<T> items, int limit, String nextCursor) {
    }

    public static SiteView site(Site site, Counts counts) {
        return new SiteView(site.id(), site.name(), site.tier().name(), site.parentId(),
                site.kind() == null ? null : site.kind().name(), site.address(), site.createdAt(), site.updatedAt(),
                counts);
    }

    public static CameraView camera(Camera c) {
        OnvifView onvif = c.onvif() == null ? null
                : new OnvifView(c.onvif().url(), blankToNull(c.onvif().credentials()), c.onvif().credentials().hasPassword());
        RtspView rtsp = c.rtsp() == null ? null : new RtspView(c.rtsp().url(), c.rtsp().subUrl(),
                blankToNull(c.rtsp().credentials()), c.rtsp().credentials().hasPassword());
        return new CameraView(c.id(), c.siteId(), c.name(), new LocationView(c.location().lat(), c.location().lon()),
                c.heading(), c.mounting(), c.vendor(), c.model(), onvif, rtsp, c.createdAt(), c.updatedAt());
    }

    private static String blankToNull(Credentials credentials) {
        return credentials.username().isEmpty() ? null : credentials.username();
    }
}
