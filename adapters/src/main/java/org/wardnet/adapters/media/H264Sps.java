package org.wardnet.adapters.media;

import java.util.Arrays;
import java.util.Set;

/**
 * Reads the picture size from an H.264 sequence parameter set (ITU-T H.264 7.3.2.1.1): macroblock
 * counts, field coding and the cropping window. Everything after the cropping window (VUI) is not
 * needed and not read.
 */
public final class H264Sps {

    /** Profiles whose SPS carries chroma format, bit depths and scaling matrices. */
    private static final Set<Integer> HIGH_PROFILES = Set.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139,
            134, 135);

    private H264Sps() {
    }

    /**
     * @param nal the SPS NAL unit, header byte included, as carried in {@code sprop-parameter-sets}
     * @throws MalformedBitstreamException when it is not a readable SPS
     */
    public static VideoSize size(byte[] nal) {
        if (nal.length < 4 || (nal[0] & 0x1F) != 7) {
            throw new MalformedBitstreamException("not an H.264 SPS (NAL type " + (nal.length == 0 ? "none"
                    : Integer.toString(nal[0] & 0x1F)) + ")");
        }
        BitReader r = new BitReader(BitReader.unescape(Arrays.copyOfRange(nal, 1, nal.length)));
        int profile = r.bits(8);
        r.skip(16); // constraint flags, level_idc
        r.ue(); // seq_parameter_set_id
        int chromaFormat = 1;
        if (HIGH_PROFILES.contains(profile)) {
            chromaFormat = r.ue();
            if (chromaFormat == 3) {
                r.skip(1); // separate_colour_plane_flag
            }
            r.ue(); // bit_depth_luma_minus8
            r.ue(); // bit_depth_chroma_minus8
            r.skip(1); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) { // seq_scaling_matrix_present_flag
                for (int i = 0; i < (chromaFormat != 3 ? 8 : 12); i++) {
                    if (r.flag()) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.ue(); // log2_max_frame_num_minus4
        int pocType = r.ue();
        if (pocType == 0) {
            r.ue();
        } else if (pocType == 1) {
            r.skip(1);
            r.se();
            r.se();
            int cycle = r.ue();
            for (int i = 0; i < cycle; i++) {
                r.se();
            }
        }
        r.ue(); // max_num_ref_frames
        r.skip(1); // gaps_in_frame_num_value_allowed_flag
        int widthMbs = r.ue() + 1;
        int heightMapUnits = r.ue() + 1;
        boolean frameMbsOnly = r.flag();
        if (!frameMbsOnly) {
            r.skip(1); // mb_adaptive_frame_field_flag
        }
        r.skip(1); // direct_8x8_inference_flag
        int cropLeft = 0;
        int cropRight = 0;
        int cropTop = 0;
        int cropBottom = 0;
        if (r.flag()) {
            cropLeft = r.ue();
            cropRight = r.ue();
            cropTop = r.ue();
            cropBottom = r.ue();
        }
        int fieldFactor = frameMbsOnly ? 1 : 2;
        int cropUnitX = chromaFormat == 1 || chromaFormat == 2 ? 2 : 1;
        int cropUnitY = (chromaFormat == 1 ? 2 : 1) * fieldFactor;
        int width = widthMbs * 16 - cropUnitX * (cropLeft + cropRight);
        int height = fieldFactor * heightMapUnits * 16 - cropUnitY * (cropTop + cropBottom);
        return new VideoSize(width, height);
    }

    private static void skipScalingList(BitReader r, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + r.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }
}
