package org.wardnet.simulator.district;

import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.SiteDraft;

/**
 * Plain numbered cameras beyond the reference district, for scale runs: camera {@code i} listens
 * on 127.B.(j / 250).(j % 250 + 1), where {@code j = i % 62,500} and B is 2 for the first 62,500
 * cameras and 10 + (i / 62,500) after them (127.11, 127.12, 127.13), path {@code /stream}, user
 * {@code admin}, password {@code pw}; it belongs to room {@code scale-room-(i / 50)}. Several
 * simulator processes can each serve a slice ({@code offset}, {@code count}) so no process exceeds
 * its file limit. Limit: {@link #MAX} cameras.
 */
public final class SyntheticCameras {

    public static final int PER_ROOM = 50;
    /** Addresses per block of the numbering (one second octet). */
    private static final int PER_BLOCK = 250 * 250;
    /** Cameras the numbering has addresses for. */
    public static final int MAX = 4 * PER_BLOCK;

    private SyntheticCameras() {
    }

    /** Cameras {@code offset} to {@code offset + count - 1}. */
    public static List<CameraDraft> drafts(int offset, int count, int port) {
        if (offset < 0 || count < 0 || offset + count > MAX) {
            throw new IllegalArgumentException("synthetic cameras are numbered 0 to " + (MAX - 1));
        }
        List<CameraDraft> cameras = new ArrayList<>(count);
        for (int i = offset; i < offset + count; i++) {
            cameras.add(new CameraDraft(String.format("scale-%05d", i), "scale-room-" + (i / PER_ROOM), "Scale camera " + i,
                    new CameraDraft.Location(29.85, 121.52), null, null, null, null, null,
                    new CameraDraft.Rtsp(url(i, port), null, "admin", "pw")));
        }
        return cameras;
    }

    /** Where camera {@code i} is served. */
    public static String url(int i, int port) {
        int block = i / PER_BLOCK;
        int j = i % PER_BLOCK;
        return "rtsp://127." + (block == 0 ? 2 : 10 + block) + "." + (j / 250) + "." + (j % 250 + 1) + ":" + port
                + "/stream";
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
