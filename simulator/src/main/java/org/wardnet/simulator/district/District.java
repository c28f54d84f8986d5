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
}
