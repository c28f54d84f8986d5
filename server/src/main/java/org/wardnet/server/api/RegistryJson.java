package org.wardnet.server.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Credentials;
import org.wardnet.core.registry.Site;

/**
 * The JSON shapes of sites and cameras the API answers with. Passwords never appear: an endpoint says only whether
 * one is set.
 */
public final class RegistryJson {

    private RegistryJson() {
    }

    /** A site, with its direct counts when they were asked for. */
    public record SiteJson(String id, String name, String tier, String parentId, String kind, String address,
            Instant createdAt, Instant updatedAt, CountsJson counts) {
    }

    /** How many sites hang directly under a site and how many cameras belong to it directly. */
    public record CountsJson(int childSites, int cameras) {
    }

    public record LocationJson(double lat, double lon) {
    }

    public record OnvifJson(String url, String username, boolean passwordSet) {
    }

    public record RtspJson(String url, String subUrl, String username, boolean passwordSet) {
    }

    public record CameraJson(String id, String siteId, String name, LocationJson location, Double heading,
            String mounting, String vendor, String model, OnvifJson onvif, RtspJson rtsp, Instant createdAt,
            Instant updatedAt) {
    }

    /** One page of a list; {@code nextCursor} is absent on the last page. */
    public record PageJson<T>(List<T> items, int limit, String nextCursor) {
    }

    public static SiteJson site(Site site, CountsJson counts) {
        return new SiteJson(site.id(), site.name(), site.tier().name(), site.parentId(),
                site.kind() == null ? null : site.kind().name(), site.address(), site.createdAt(), site.updatedAt(),
                counts);
    }

    public static CameraJson camera(Camera c) {
        OnvifJson onvif = c.onvif() == null ? null
                : new OnvifJson(c.onvif().url(), blankToNull(c.onvif().credentials()), c.onvif().credentials().hasPassword());
        RtspJson rtsp = c.rtsp() == null ? null : new RtspJson(c.rtsp().url(), c.rtsp().subUrl(),
                blankToNull(c.rtsp().credentials()), c.rtsp().credentials().hasPassword());
        return new CameraJson(c.id(), c.siteId(), c.name(), new LocationJson(c.location().lat(), c.location().lon()),
                c.heading(), c.mounting(), c.vendor(), c.model(), onvif, rtsp, c.createdAt(), c.updatedAt());
    }

    private static String blankToNull(Credentials credentials) {
        return credentials.username().isEmpty() ? null : credentials.username();
    }

    /**
     * Every camera a caller sees, one column per field and one row per camera (compact: the
     * reference district is about 12,400 rows); headings are null where unknown.
     */
    public record CameraLayerJson(int count, List<String> ids, List<String> names, List<String> siteIds,
            double[] lat, double[] lon, Double[] heading) {

        static CameraLayerJson of(List<Camera> cameras) {
            int n = cameras.size();
            List<String> ids = new ArrayList<>(n);
            List<String> names = new ArrayList<>(n);
            List<String> sites = new ArrayList<>(n);
            double[] lat = new double[n];
            double[] lon = new double[n];
            Double[] heading = new Double[n];
            for (int i = 0; i < n; i++) {
                Camera camera = cameras.get(i);
                ids.add(camera.id());
                names.add(camera.name());
                sites.add(camera.siteId());
                lat[i] = camera.location().lat();
                lon[i] = camera.location().lon();
                heading[i] = camera.heading();
            }
            return new CameraLayerJson(n, ids, names, sites, lat, lon, heading);
        }
    }
}
