package org.wardnet.simulator.rtsp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An H.264 Annex B clip split into frames (access units), each a list of NAL units without start
 * codes, with the SPS and PPS that the SDP announces. Assumes one slice per frame and no B-frames,
 * as the shipped clip is made (see its SOURCES.md): each slice NAL ends a frame.
 */
public final class H264Clip {

    private final List<List<byte[]>> frames;
    private final byte[] sps;
    private final byte[] pps;
    private final int framesPerSecond;

    private H264Clip(List<List<byte[]>> frames, byte[] sps, byte[] pps, int framesPerSecond) {
        this.frames = List.copyOf(frames);
        this.sps = sps;
        this.pps = pps;
        this.framesPerSecond = framesPerSecond;
    }

    /** The clip shipped with the simulator: 640x360, 25 fps, 2 s, a key frame each second. */
    public static H264Clip shipped() {
        try (InputStream in = H264Clip.class.getResourceAsStream("/clip/testsrc-640x360-25fps.h264")) {
            if (in == null) {
                throw new IllegalStateException("the simulator's clip is missing from its resources");
            }
            return parse(in.readAllBytes(), 25);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the simulator's clip", e);
        }
    }

    static H264Clip parse(byte[] annexB, int framesPerSecond) {
        List<List<byte[]>> frames = new ArrayList<>();
        List<byte[]> pending = new ArrayList<>();
        byte[] sps = null;
        byte[] pps = null;
        for (byte[] nal : nalUnits(annexB)) {
            int type = nal[0] & 0x1F;
            if (type == 7 && sps == null) {
                sps = nal;
            } else if (type == 8 && pps == null) {
                pps = nal;
            }
            pending.add(nal);
            if (type == 1 || type == 5) {
                frames.add(List.copyOf(pending));
                pending.clear();
            }
        }
        if (sps == null || pps == null || frames.isEmpty() || (frames.get(0).get(frames.get(0).size() - 1)[0] & 0x1F) != 5) {
            throw new IllegalArgumentException("the clip needs an SPS, a PPS and to start with an IDR frame");
        }
        return new H264Clip(frames, sps, pps, framesPerSecond);
    }

    private static List<byte[]> nalUnits(byte[] data) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 2 < data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                starts.add(i + 3);
                i += 2;
            }
        }
        List<byte[]> nals = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) - 3 : data.length;
            while (to > from && data[to - 1] == 0) { // trailing zero of a 4-byte start code
                to--;
            }
            nals.add(Arrays.copyOfRange(data, from, to));
        }
        return nals;
    }

    public List<List<byte[]>> frames() {
        return frames;
    }

    public int framesPerSecond() {
        return framesPerSecond;
    }

    /** {@code sprop-parameter-sets} for the SDP. */
    public String spropParameterSets() {
        return Base64.getEncoder().encodeToString(sps) + "," + Base64.getEncoder().encodeToString(pps);
    }

    /** {@code profile-level-id}: the SPS's profile, constraint and level bytes in hex. */
    public String profileLevelId() {
        return String.format("%02x%02x%02x", sps[1], sps[2], sps[3]);
    }
}
