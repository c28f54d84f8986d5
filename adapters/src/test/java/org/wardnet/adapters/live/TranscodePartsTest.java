package org.wardnet.adapters.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wardnet.adapters.rtsp.RtspPull;

/**
 * The pieces of transcoding that are ours rather than FFmpeg's: H.265 RTP back into NAL units,
 * H.264 NAL units into RTP and back, Annex B splitting, the parameter sets of a real camera's SDP
 * and the SDP of the transcoded stream. The whole path is tested against GStreamer's H.265 encoder
 * and ffprobe in the server's {@code LiveTranscodeTest}.
 */
class TranscodePartsTest {

    @Test
    void theParameterSetsOfARealH265CameraComeFromItsSdpInOrder() throws IOException {
        String sdp;
        try (InputStream in = getClass().getResourceAsStream("/captures/rtsp/tplink-unknown-DESCRIBE-h265.sdp")) {
            assertNotNull(in);
            sdp = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        byte[] sets = TranscodeFeed.parameterSets(sdp);
        List<byte[]> nals = H264Packetizer.split(sets, sets.length);
        assertEquals(3, nals.size());
        assertEquals(List.of(32, 33, 34), nals.stream().map(nal -> (nal[0] >> 1) & 0x3F).toList());
        assertEquals(0, TranscodeFeed.parameterSets("v=0\r\nm=video 0 RTP/AVP 96\r\n").length);
    }

    @Test
    void annexBIsSplitOnThreeAndFourByteStartCodes() {
        byte[] stream = {0, 0, 0, 1, 0x67, 1, 2, 0, 0, 1, 0x68, 3, 0, 0, 0, 1, 0x65, 4, 5, 0};
        List<byte[]> nals = H264Packetizer.split(stream, stream.length);
        assertEquals(3, nals.size());
        assertArrayEquals(new byte[] {0x67, 1, 2}, nals.get(0));
        assertArrayEquals(new byte[] {0x68, 3}, nals.get(1));
        assertArrayEquals(new byte[] {0x65, 4, 5, 0}, nals.get(2)); // a unit's own last byte stays
    }

    @Test
    void h264UnitsSurviveThePacketizerAndTheDepacketizer() {
        Random random = new Random(7);
        byte[] sps = {0x67, 0x42, (byte) 0xC0, 0x1E, 1};
        byte[] pps = {0x68, (byte) 0xCE, 0x3C, (byte) 0x80};
        byte[] idr = new byte[5_000];
        random.nextBytes(idr);
        idr[0] = 0x65;
        H264Packetizer packetizer = new H264Packetizer();
        List<ByteBuf> packets = packetizer.packets(List.of(sps, pps, idr), 0x1_2345_6789L);
        assertEquals(2 + 4, packets.size(), "two small units alone, the IDR in four FU-A fragments");
        int firstSequence = packets.get(0).getUnsignedShort(2);
        for (int i = 0; i < packets.size(); i++) {
            ByteBuf packet = packets.get(i);
            assertEquals((firstSequence + i) & 0xFFFF, packet.getUnsignedShort(2));
            assertEquals(0x2345_6789L, packet.getUnsignedInt(4), "the timestamp modulo 2^32");
            assertEquals(i == packets.size() - 1, (packet.getUnsignedByte(1) & 0x80) != 0, "marker on the last only");
        }
        H264Pictures.Picture picture = new H264Pictures().read(framed(packets));
        assertNotNull(picture);
        assertEquals(3, picture.nals().size());
        assertArrayEquals(sps, picture.nals().get(0));
        assertArrayEquals(pps, picture.nals().get(1));
        assertArrayEquals(idr, picture.nals().get(2));
        assertEquals(true, picture.key());
    }

    @Test
    void h265FragmentsAndAggregatesBecomeUnitsWithTheirOwnHeaders() {
        // an aggregation packet (type 48) with a VPS and an SPS, then an IDR_W_RADL (type 19) in three fragments
        byte[] vps = {0x40, 0x01, 0x0C, 0x01};
        byte[] sps = {0x42, 0x01, 0x01, 0x60, 0x00};
        byte[] idr = new byte[3_000];
        new Random(3).nextBytes(idr);
        idr[0] = (byte) (19 << 1);
        idr[1] = 0x01;
        List<ByteBuf> packets = new ArrayList<>();
        ByteBuf aggregate = Unpooled.buffer().writeByte(48 << 1).writeByte(1);
        aggregate.writeShort(vps.length).writeBytes(vps).writeShort(sps.length).writeBytes(sps);
        packets.add(rtp(aggregate, false));
        for (int at = 2, part = 0; at < idr.length; at += 1_000, part++) {
            int length = Math.min(1_000, idr.length - at);
            boolean last = at + length == idr.length;
            ByteBuf fu = Unpooled.buffer().writeByte(49 << 1).writeByte(1)
                    .writeByte((part == 0 ? 0x80 : 0) | (last ? 0x40 : 0) | 19).writeBytes(idr, at, length);
            packets.add(rtp(fu, last));
        }
        H265Pictures depacketizer = new H265Pictures();
        H265Pictures.Picture picture = depacketizer.read(packets);
        assertNotNull(picture);
        assertEquals(3, picture.nals().size());
        assertArrayEquals(vps, picture.nals().get(0));
        assertArrayEquals(sps, picture.nals().get(1));
        assertArrayEquals(idr, picture.nals().get(2));
        assertEquals(0, depacketizer.skipped());

        List<ByteBuf> orphan = List.of(rtp(Unpooled.buffer().writeByte(49 << 1).writeByte(1).writeByte(0x40 | 1)
                .writeBytes(new byte[] {9, 9}), true));
        assertNull(depacketizer.read(orphan), "a fragment whose start was lost is not a unit");
        assertEquals(1, depacketizer.skipped());
        packets.forEach(ReferenceCountUtil::release);
        orphan.forEach(ReferenceCountUtil::release);
    }

    @Test
    void theTranscodedStreamIsDescribedAsH264WithItsParameterSets() {
        byte[] sps = {0x67, 0x42, (byte) 0xC0, 0x1E, (byte) 0xDA, 0x02, (byte) 0x80, (byte) 0xBF, (byte) 0xE5,
                (byte) 0xC0, 0x44, 0x00, 0x00, 0x03, 0x00, 0x04, 0x00, 0x00, 0x03, 0x00, (byte) 0xC8, 0x3C, 0x58,
                (byte) 0xBA, (byte) 0x80};
        byte[] pps = {0x68, (byte) 0xCE, 0x3C, (byte) 0x80};
        RtspPull.PulledStream stream = TranscodeFeed.describe(List.of(sps, pps, new byte[] {0x65, 1}));
        assertEquals("H264", stream.video().codec());
        assertEquals(90_000, stream.video().clockRate());
        assertEquals(0, stream.videoIndex());
        assertEquals(true, stream.sdp().contains("profile-level-id=42c01e;"), stream.sdp());
        assertEquals(true, stream.sdp().contains("sprop-parameter-sets=Z0LAHtoCgL/lwEQAAAMABAAAAwDIPFi6gA==,aM48gA=="),
                stream.sdp());
    }

    /** Packets as the relay hands them: with the 4-byte interleaved header in front. */
    private static List<ByteBuf> framed(List<ByteBuf> packets) {
        List<ByteBuf> framed = new ArrayList<>();
        for (ByteBuf packet : packets) {
            framed.add(Unpooled.buffer().writeByte('$').writeByte(0).writeShort(packet.readableBytes())
                    .writeBytes(packet));
            packet.release();
        }
        return framed;
    }

    private int sequence;

    private ByteBuf rtp(ByteBuf payload, boolean marker) {
        ByteBuf packet = Unpooled.buffer().writeByte('$').writeByte(0).writeShort(12 + payload.readableBytes());
        packet.writeByte(0x80).writeByte((marker ? 0x80 : 0) | 96).writeShort(sequence++).writeInt(1_000).writeInt(42);
        packet.writeBytes(payload);
        payload.release();
        return packet;
    }
}
