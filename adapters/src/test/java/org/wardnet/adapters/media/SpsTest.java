package org.wardnet.adapters.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Sizes read from parameter sets written by a real encoder (ffmpeg's libx264 and libx265). */
class SpsTest {

    private static String[] encoderRows() throws Exception {
        try (InputStream in = SpsTest.class.getResourceAsStream("/encoded/encoder-sps.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
        }
    }

    @Test
    void everySizeTheEncoderWasAskedForIsReadBack() throws Exception {
        String[] rows = encoderRows();
        assertEquals(40, rows.length);
        for (String row : rows) {
            String[] f = row.split(" ");
            byte[] nal = HexFormat.of().parseHex(f[3]);
            VideoSize size = f[0].equals("h264") ? H264Sps.size(nal) : H265Sps.size(nal);
            assertEquals(f[2], size.toString(), row.substring(0, 40));
        }
    }

    @Test
    void truncatedOrWrongParameterSetsAreErrorsNotWrongAnswers() throws Exception {
        String[] f = encoderRows()[0].split(" ");
        byte[] sps = HexFormat.of().parseHex(f[3]);
        for (int cut = 1; cut < 8; cut++) {
            byte[] truncated = Arrays.copyOf(sps, cut);
            assertThrows(MalformedBitstreamException.class, () -> H264Sps.size(truncated));
        }
        byte[] pps = {0x68, (byte) 0xce, 0x3c, (byte) 0x80};
        MalformedBitstreamException e = assertThrows(MalformedBitstreamException.class, () -> H264Sps.size(pps));
        assertTrue(e.getMessage().contains("NAL type 8"), e.getMessage());
        assertThrows(MalformedBitstreamException.class, () -> H265Sps.size(sps));
        assertThrows(MalformedBitstreamException.class, () -> H264Sps.size(new byte[0]));
    }

    @Test
    void emulationPreventionBytesAreRemoved() {
        assertEquals("[0, 0, 1, 0, 0, 0]", Arrays.toString(BitReader.unescape(new byte[] {0, 0, 3, 1, 0, 0, 3, 0})));
    }
}
