package org.wardnet.adapters.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.wardnet.adapters.fuzz.Mutations;
import org.wardnet.adapters.fuzz.Seeds;
import org.wardnet.adapters.rtsp.KeyFrames;

/**
 * Fuzzing the relay's depacketizers (RFC 6184 for H.264, RFC 7798 for H.265) with RTP packets of
 * every kind a camera sends — single units, aggregates, fragment starts, middles and ends — made
 * from the parameter sets the captured cameras announce, then mutated and mixed in any order. The
 * properties: nothing but a picture or nothing comes out (no exception), no more bytes come out
 * than went in, and what a never-ended fragment holds stays bounded.
 */
class DepacketizingFuzzTest {

    private static final Pattern H264_SETS = Pattern.compile("sprop-parameter-sets=([A-Za-z0-9+/=]+),([A-Za-z0-9+/=]+)");
    private static final Pattern H265_SETS = Pattern.compile(
            "sprop-vps=([A-Za-z0-9+/=]+); *sprop-sps=([A-Za-z0-9+/=]+); *sprop-pps=([A-Za-z0-9+/=]+)");

    /** Packets of H.264 pictures: parameter sets alone and aggregated, and a key frame in fragments. */
    private static List<byte[]> h264Packets() {
        List<byte[]> out = new ArrayList<>();
        H264Packetizer packetizer = new H264Packetizer();
        for (List<byte[]> sets : parameterSets(H264_SETS)) {
            byte[] sps = sets.get(0);
            byte[] pps = sets.get(1);
            byte[] keyFrame = unit(new byte[] {0x65}, sps, 3_000); // an IDR unit; past its header the depacketizer reads nothing
            for (ByteBuf packet : packetizer.packets(List.of(sps, pps, keyFrame), 90_000)) {
                out.add(framed(packet));
            }
            out.add(rtp(96, aggregate(new byte[] {24}, sps, pps)));
        }
        return out;
    }

    /** The same for H.265: parameter sets alone and in an aggregation packet, a key frame in fragments. */
    private static List<byte[]> h265Packets() {
        List<byte[]> out = new ArrayList<>();
        for (List<byte[]> sets : parameterSets(H265_SETS)) {
            for (byte[] set : sets) {
                out.add(rtp(96, set));
            }
            out.add(rtp(96, aggregate(new byte[] {(byte) (48 << 1), 1}, sets.toArray(byte[][]::new))));
            byte[] keyFrame = unit(new byte[] {19 << 1, 1}, sets.get(1), 3_000); // IDR_W_RADL
            for (int at = 2, n = 0; at < keyFrame.length; at += 1_000, n++) {
                int end = Math.min(keyFrame.length, at + 1_000);
                int fu = (at == 2 ? 0x80 : 0) | (end == keyFrame.length ? 0x40 : 0) | 19;
                ByteArrayOutputStream payload = new ByteArrayOutputStream();
                payload.write(49 << 1);
                payload.write(1);
                payload.write(fu);
                payload.write(keyFrame, at, end - at);
                out.add(rtp(96, payload.toByteArray()));
            }
        }
        return out;
    }

    private static List<List<byte[]>> parameterSets(Pattern pattern) {
        List<List<byte[]>> out = new ArrayList<>();
        for (String sdp : Seeds.captureTexts("rtsp", "")) {
            Matcher m = pattern.matcher(sdp);
            while (m.find()) {
                List<byte[]> sets = new ArrayList<>();
                try {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        sets.add(Base64.getDecoder().decode(m.group(g)));
                    }
                } catch (IllegalArgumentException e) {
                    continue; // a camera's broken set is not a seed
                }
                out.add(sets);
            }
        }
        assertTrue(!out.isEmpty(), "captures announce parameter sets for " + pattern);
        return out;
    }

    /** A unit of {@code length} bytes: its header (one byte for H.264, two for H.265), then {@code fill} repeated. */
    private static byte[] unit(byte[] header, byte[] fill, int length) {
        byte[] out = new byte[length];
        System.arraycopy(header, 0, out, 0, header.length);
        for (int i = header.length; i < length; i++) {
            out[i] = fill[i % fill.length];
        }
        return out;
    }

    private static byte[] aggregate(byte[] header, byte[]... units) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        for (byte[] unit : units) {
            out.write(unit.length >> 8);
            out.write(unit.length);
            out.writeBytes(unit);
        }
        return out.toByteArray();
    }

    private static byte[] rtp(int payloadType, byte[] payload) {
        ByteBuf packet = Unpooled.buffer(12 + payload.length);
        packet.writeByte(0x80).writeByte(0x80 | payloadType).writeShort(1).writeInt(90_000).writeInt(0x5eed);
        return framed(packet.writeBytes(payload));
    }

    /** The packet behind the interleaved header the relay hands consumers; {@code packet} is released. */
    private static byte[] framed(ByteBuf packet) {
        byte[] out = new byte[4 + packet.readableBytes()];
        out[0] = '$';
        out[2] = (byte) (packet.readableBytes() >> 8);
        out[3] = (byte) packet.readableBytes();
        packet.readBytes(out, 4, packet.readableBytes());
        packet.release();
        return out;
    }

    @Provide
    Arbitrary<List<byte[]>> h264Stream() {
        return Mutations.of(h264Packets(), 3).list().ofMinSize(1).ofMaxSize(16);
    }

    @Provide
    Arbitrary<List<byte[]>> h265Stream() {
        return Mutations.of(h265Packets(), 3).list().ofMinSize(1).ofMaxSize(16);
    }

    @Provide
    Arbitrary<Integer> pictureSize() {
        return Arbitraries.integers().between(1, 6);
    }

    @Property
    void h264PacketsGiveUnitsOrNothing(@ForAll("h264Stream") List<byte[]> stream, @ForAll("pictureSize") int perPicture) {
        H264Pictures pictures = new H264Pictures();
        long in = 0;
        long out = 0;
        for (List<ByteBuf> picture : pictures(stream, perPicture)) {
            for (ByteBuf packet : picture) {
                in += packet.readableBytes();
                ByteBuf rtp = packet.slice(4, packet.readableBytes() - 4);
                KeyFrames.startsKeyFrame("H264", rtp);
            }
            H264Pictures.Picture read = pictures.read(picture);
            if (read != null) {
                out += read.nals().stream().mapToLong(n -> n.length).sum();
            }
            assertTrue(pictures.carried() <= H264Pictures.MAX_NAL_BYTES);
        }
        assertTrue(out <= in, out + " bytes of units from " + in + " bytes of packets");
    }

    @Property
    void h265PacketsGiveUnitsOrNothing(@ForAll("h265Stream") List<byte[]> stream, @ForAll("pictureSize") int perPicture) {
        H265Pictures pictures = new H265Pictures();
        long in = 0;
        long out = 0;
        for (List<ByteBuf> picture : pictures(stream, perPicture)) {
            for (ByteBuf packet : picture) {
                in += packet.readableBytes();
                KeyFrames.startsKeyFrame("H265", packet.slice(4, packet.readableBytes() - 4));
            }
            H265Pictures.Picture read = pictures.read(picture);
            if (read != null) {
                out += read.nals().stream().mapToLong(n -> n.length).sum();
            }
            assertTrue(pictures.carried() <= H265Pictures.MAX_NAL_BYTES);
        }
        assertTrue(out <= in, out + " bytes of units from " + in + " bytes of packets");
    }

    /** Found while writing the properties above: a fragment that never ends grew without bound. */
    @Test
    void aFragmentThatNeverEndsIsDroppedAtTheLimit() {
        H264Pictures pictures = new H264Pictures();
        byte[] middle = new byte[1_402];
        middle[0] = 28;
        middle[1] = 5; // FU-A, neither start nor end, of an IDR unit
        byte[] start = middle.clone();
        start[1] = (byte) 0x85;
        assertNull(pictures.read(List.of(Unpooled.wrappedBuffer(rtp(96, start)))));
        int packets = H264Pictures.MAX_NAL_BYTES / 1_400 + 10;
        for (int i = 0; i < packets; i++) {
            assertNull(pictures.read(List.of(Unpooled.wrappedBuffer(rtp(96, middle)))));
            assertTrue(pictures.carried() <= H264Pictures.MAX_NAL_BYTES, "carried " + pictures.carried());
        }
        assertEquals(0, pictures.carried(), "the unit was dropped, its later parts skipped");
        assertTrue(pictures.skipped() >= 9, "skipped " + pictures.skipped());
    }

    /** The stream cut into pictures of {@code perPicture} packets, as framed buffers. */
    private static List<List<ByteBuf>> pictures(List<byte[]> stream, int perPicture) {
        List<List<ByteBuf>> out = new ArrayList<>();
        for (int i = 0; i < stream.size(); i += perPicture) {
            List<ByteBuf> picture = new ArrayList<>();
            for (byte[] packet : stream.subList(i, Math.min(stream.size(), i + perPicture))) {
                if (packet.length >= 4) {
                    picture.add(Unpooled.wrappedBuffer(packet));
                }
            }
            out.add(picture);
        }
        return out;
    }
}
