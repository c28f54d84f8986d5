package org.wardnet.adapters.media;

import java.util.Arrays;

/**
 * Reads the picture size from an H.265 sequence parameter set (ITU-T H.265 7.3.2.2): luma
 * dimensions and the conformance window, skipping the profile-tier-level structure before them.
 */
public final class H265Sps {

    private H265Sps() {
    }

    /**
     * @param nal the SPS NAL unit, two header bytes included, as carried in {@code sprop-sps}
     * @throws MalformedBitstreamException when it is not a readable SPS
     */
    public static VideoSize size(byte[] nal) {
        if (nal.length < 4 || ((nal[0] >> 1) & 0x3F) != 33) {
            throw new MalformedBitstreamException("not an H.265 SPS (NAL type " + (nal.length == 0 ? "none"
                    : Integer.toString((nal[0] >> 1) & 0x3F)) + ")");
        }
        BitReader r = new BitReader(BitReader.unescape(Arrays.copyOfRange(nal, 2, nal.length)));
        r.skip(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = r.bits(3);
        r.skip(1); // sps_temporal_id_nesting_flag
        skipProfileTierLevel(r, maxSubLayersMinus1);
        r.ue(); // sps_seq_parameter_set_id
        int chromaFormat = r.ue();
        if (chromaFormat == 3) {
            r.skip(1); // separate_colour_plane_flag
        }
        int width = r.ue();
        int height = r.ue();
        if (r.flag()) { // conformance_window_flag
            int subWidth = chromaFormat == 1 || chromaFormat == 2 ? 2 : 1;
            int subHeight = chromaFormat == 1 ? 2 : 1;
            int left = r.ue();
            int right = r.ue();
            int top = r.ue();
            int bottom = r.ue();
            width -= subWidth * (left + right);
            height -= subHeight * (top + bottom);
        }
        return new VideoSize(width, height);
    }

    private static void skipProfileTierLevel(BitReader r, int maxSubLayersMinus1) {
        r.skip(2 + 1 + 5 + 32 + 48 + 8); // general profile space, tier, idc, compatibility, constraints, level
        boolean[] profilePresent = new boolean[maxSubLayersMinus1];
        boolean[] levelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = r.flag();
            levelPresent[i] = r.flag();
        }
        if (maxSubLayersMinus1 > 0) {
            r.skip(2 * (8 - maxSubLayersMinus1)); // reserved_zero_2bits
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if (profilePresent[i]) {
                r.skip(88);
            }
            if (levelPresent[i]) {
                r.skip(8);
            }
        }
    }
}
