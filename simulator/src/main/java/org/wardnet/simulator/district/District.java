package org.wardnet.simulator.district;

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

    /** The same district with its cameras' RTSP URLs on {@code port} instead of 554. */
    public District withRtspPort(int port) {
        if (port == 554) {
            return this;
        }
        List<CameraDraft> moved = cameras.stream().map(c -> c.rtsp() == null ? c : new CameraDraft(c.id(), c.siteId(),
                c.name(), c.location(), c.heading(), c.mounting(), c.vendor(), c.model(), c.onvif(),
                new CameraDraft.Rtsp(c.rtsp().url().replace(":554/", ":" + port + "/"),
                        c.rtsp().subUrl() == null ? null : c.rtsp().subUrl().replace(":554/", ":" + port + "/"),
                        c.rtsp().username(), c.rtsp().password()))).toList();
        return new District(seed, grid, sites, moved);
    }
}
