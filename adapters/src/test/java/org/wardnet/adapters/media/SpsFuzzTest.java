package org.wardnet.adapters.media;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.wardnet.adapters.fuzz.Mutations;
import org.wardnet.adapters.fuzz.Seeds;

/**
 * Fuzzing the SPS readers with real parameter sets as seeds: those the captured cameras announce
 * in their SDP ({@code sprop-parameter-sets}, {@code sprop-sps}) and those ffmpeg's encoders wrote
 * ({@code encoded/encoder-sps.txt}). The property: a size within {@link VideoSize}'s bounds or a
 * {@link MalformedBitstreamException}, nothing else.
 */
class SpsFuzzTest {

    private static final Pattern H264_SETS = Pattern.compile("sprop-parameter-sets=([A-Za-z0-9+/=,]+)");
    private static final Pattern H265_SPS = Pattern.compile("sprop-sps=([A-Za-z0-9+/=]+)");

    private static List<byte[]> seeds(String codec) {
        List<byte[]> out = new ArrayList<>();
        for (String sdp : Seeds.captureTexts("rtsp", "")) {
            Matcher m = (codec.equals("h264") ? H264_SETS : H265_SPS).matcher(sdp);
            while (m.find()) {
                for (String set : m.group(1).split(",")) {
                    byte[] nal = decode(set);
                    if (nal.length > 0 && (codec.equals("h265") || (nal[0] & 0x1F) == 7)) {
                        out.add(nal);
                    }
                }
            }
        }
        String rows = new String(Seeds.resource("/encoded/encoder-sps.txt"), StandardCharsets.UTF_8);
        for (String row : rows.strip().split("\n")) {
            String[] fields = row.split(" ");
            if (fields[0].equals(codec)) {
                out.add(HexFormat.of().parseHex(fields[3]));
            }
        }
        return out;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0]; // a camera's broken set is not a seed
        }
    }

    @Provide
    Arbitrary<byte[]> h264() {
        return Mutations.of(seeds("h264"), 3);
    }

    @Provide
    Arbitrary<byte[]> h265() {
        return Mutations.of(seeds("h265"), 3);
    }

    @Property
    void anH264SpsGivesASizeOrItsOwnError(@ForAll("h264") byte[] nal) {
        readOrRefuse(() -> H264Sps.size(nal));
    }

    @Property
    void anH265SpsGivesASizeOrItsOwnError(@ForAll("h265") byte[] nal) {
        readOrRefuse(() -> H265Sps.size(nal));
    }

    private interface Reading {
        VideoSize read();
    }

    private static void readOrRefuse(Reading reading) {
        try {
            assertNotNull(reading.read()); // VideoSize itself refuses an implausible size
        } catch (MalformedBitstreamException refused) {
            assertNotNull(refused.getMessage());
        }
    }
}
