package org.wardnet.simulator.district;

import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.SiteDraft;

/**
 * Plain numbered cameras beyond the reference district, for scale runs: camera {@code i} listens
 * on 127.2.(i / 250).(i % 250 + 1), path {@code /stream}, user {@code admin}, password {@code pw},
 * and belongs to room {@code scale-room-(i / 50)}. Several simulator processes can each serve a
 * slice ({@code offset}, {@code count}) so no process exceeds its file limit.
 */
public final class SyntheticCameras {

    public static final int PER_ROOM = 50;

    private SyntheticCameras() {
    }

    /** Cameras {@code offset} to {@code offset + count - 1}. */
    public static List<CameraDraft> drafts(int offset, int count, int port) {
        if (offset < 0 || count < 0 || offset + count > 250 * 250) {
            throw new IllegalArgumentException("synthetic cameras are numbered 0 to 62,499");
        }
        List<CameraDraft> cameras = new ArrayList<>(count);
        for (int i = offset; i < offset + count; i++) {
            String host = "127.2." + (i / 250) + "." + (i % 250 + 1);
            cameras.add(new CameraDraft(String.format("scale-%05d", i), "scale-room-" + (i / PER_ROOM), "Scale camera " + i,
                    new CameraDraft.Location(29.85, 121.52), null, null, null, null, null,
                    new CameraDraft.Rtsp("rtsp://" + host + ":" + port + "/stream", null, "admin", "pw")));
        }
        return cameras;
    }

    /** The sites the first {@code count} synthetic cameras need: a center, one substation, their rooms. */
    public static List<SiteDraft> sites(int count) {
        List<SiteDraft> sites = new ArrayList<>();
        sites.add(new SiteDraft("scale-center", "Scale center", "CENTER", null, null, null));
        sites.add(new SiteDraft("scale-sub", "Scale substation", "SUBSTATION", "scale-center", null, null));
        for (int room = 0; room * PER_ROOM < count; room++) {
            sites.add(new SiteDraft("scale-room-" + room, "Scale room " + room, "ROOM", "scale-sub", "OTHER", null));
        }
        return sites;
    }

    /** A district made of synthetic cameras only, for the simulator. */
    public static District district(int offset, int count, int port) {
        return new District(0, DistrictGenerator.REFERENCE_GRID, sites(offset + count), drafts(offset, count, port));
    }
}
