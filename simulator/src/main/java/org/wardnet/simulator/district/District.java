package org.wardnet.simulator.district;

import java.net.URI;
import java.util.List;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.SiteDraft;

/**
 * A generated district.
 *
 * @param seed    the seed it was generated from
 * @param grid    its street grid
 * @param sites   the tier tree, parents before children
 * @param cameras every camera, each belonging to one of {@code sites}
 */
public record District(long seed, StreetGrid grid, List<SiteDraft> sites, List<CameraDraft> cameras) {

    public District {
        sites = List.copyOf(sites);
        cameras = List.copyOf(cameras);
    }

    /**
     * The same district as the simulator serves it: RTSP on {@code port} instead of 554, and the
     * ONVIF device service on that same port (the simulator serves both protocols on one listener
     * per camera) instead of 80.
     */
    public District withRtspPort(int port) {
        List<CameraDraft> moved = cameras.stream().map(c -> new CameraDraft(c.id(), c.siteId(),
                c.name(), c.location(), c.heading(), c.mounting(), c.vendor(), c.model(), onvifOn(c.onvif(), port),
                c.rtsp() == null ? null : new CameraDraft.Rtsp(c.rtsp().url().replace(":554/", ":" + port + "/"),
                        c.rtsp().subUrl() == null ? null : c.rtsp().subUrl().replace(":554/", ":" + port + "/"),
                        c.rtsp().username(), c.rtsp().password()))).toList();
        return new District(seed, grid, sites, moved);
    }

    private static CameraDraft.Onvif onvifOn(CameraDraft.Onvif onvif, int port) {
        if (onvif == null || onvif.url() == null) {
            return onvif;
        }
        URI uri = URI.create(onvif.url());
        if (uri.getPort() >= 0 || uri.getHost() == null) {
            return onvif;
        }
        return new CameraDraft.Onvif("http://" + uri.getHost() + ":" + port + uri.getRawPath(), onvif.username(),
                onvif.password());
    }
}
