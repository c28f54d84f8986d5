package org.wardnet.adapters.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes fragmented MP4 (ISO/IEC 14496-12) for one H.264 video track, as Media Source Extensions
 * take it: an initialisation segment ({@code ftyp}, {@code moov} with the {@code avcC} made from
 * the stream's parameter sets and an empty sample table, {@code mvex}) and one media segment per
 * picture ({@code moof} with the picture's decode time, duration, size and sync flag, then
 * {@code mdat} with its NAL units, each behind a 4-byte length). Timescale 90 kHz, the RTP clock
 * of video. Limits: one track, no composition offsets (pictures decode in the order they are
 * shown, which is how cameras send live H.264 without B-frames).
 */
final class Fmp4Writer {

    private static final int TIMESCALE = 90_000;
    private static final int[] MATRIX = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};

    private Fmp4Writer() {
    }

    /** The MIME type of the stream for {@code MediaSource.isTypeSupported}: {@code video/mp4; codecs="avc1.PPCCLL"}. */
    static String mimeType(byte[] sps) {
        return String.format("video/mp4; codecs=\"avc1.%02x%02x%02x\"", sps[1] & 0xFF, sps[2] & 0xFF, sps[3] & 0xFF);
    }

    static ByteBuf initSegment(ByteBufAllocator alloc, byte[] sps, byte[] pps, int width, int height) {
        ByteBuf out = alloc.buffer(512 + sps.length + pps.length);
        int ftyp = open(out, "ftyp");
        out.writeBytes(ascii("isom")).writeInt(0x200).writeBytes(ascii("isom")).writeBytes(ascii("iso6"))
                .writeBytes(ascii("avc1")).writeBytes(ascii("mp41"));
        close(out, ftyp);
        int moov = open(out, "moov");
        int mvhd = full(out, "mvhd", 0, 0);
        out.writeInt(0).writeInt(0).writeInt(1000).writeInt(0).writeInt(0x00010000).writeShort(0x0100).writeZero(10);
        matrix(out);
        out.writeZero(24).writeInt(2);
        close(out, mvhd);
        int trak = open(out, "trak");
        int tkhd = full(out, "tkhd", 0, 3);
        out.writeInt(0).writeInt(0).writeInt(1).writeInt(0).writeInt(0).writeZero(8).writeShort(0).writeShort(0)
                .writeShort(0).writeShort(0);
        matrix(out);
        out.writeInt(width << 16).writeInt(height << 16);
        close(out, tkhd);
        int mdia = open(out, "mdia");
        int mdhd = full(out, "mdhd", 0, 0);
        out.writeInt(0).writeInt(0).writeInt(TIMESCALE).writeInt(0).writeShort(0x55C4).writeShort(0); // 'und'
        close(out, mdhd);
        int hdlr = full(out, "hdlr", 0, 0);
        out.writeInt(0).writeBytes(ascii("vide")).writeZero(12).writeBytes(ascii("Wardnet live\0"));
        close(out, hdlr);
        int minf = open(out, "minf");
        int vmhd = full(out, "vmhd", 0, 1);
        out.writeZero(8);
        close(out, vmhd);
        int dinf = open(out, "dinf");
        int dref = full(out, "dref", 0, 0);
        out.writeInt(1);
        int url = full(out, "url ", 0, 1);
        close(out, url);
        close(out, dref);
        close(out, dinf);
        int stbl = open(out, "stbl");
        int stsd = full(out, "stsd", 0, 0);
        out.writeInt(1);
        int avc1 = open(out, "avc1");
        out.writeZero(6).writeShort(1).writeZero(16).writeShort(width).writeShort(height).writeInt(0x00480000)
                .writeInt(0x00480000).writeInt(0).writeShort(1).writeZero(32).writeShort(0x18).writeShort(0xFFFF);
        int avcc = open(out, "avcC");
        out.writeByte(1).writeByte(sps[1]).writeByte(sps[2]).writeByte(sps[3]).writeByte(0xFF).writeByte(0xE1)
                .writeShort(sps.length).writeBytes(sps).writeByte(1).writeShort(pps.length).writeBytes(pps);
        close(out, avcc);
        close(out, avc1);
        close(out, stsd);
        for (String empty : new String[] {"stts", "stsc", "stco"}) {
            int box = full(out, empty, 0, 0);
            out.writeInt(0);
            close(out, box);
        }
        int stsz = full(out, "stsz", 0, 0);
        out.writeInt(0).writeInt(0);
        close(out, stsz);
        close(out, stbl);
        close(out, minf);
        close(out, mdia);
        close(out, trak);
        int mvex = open(out, "mvex");
        int trex = full(out, "trex", 0, 0);
        out.writeInt(1).writeInt(1).writeInt(0).writeInt(0).writeInt(0);
        close(out, trex);
        close(out, mvex);
        close(out, moov);
        return out;
    }

    /**
     * One picture as a media segment.
     *
     * @param decodeTime its decode time, 90 kHz ticks since the stream's first picture
     * @param duration   ticks until the next picture (the last interval seen: the next is not here yet)
     */
    static ByteBuf mediaSegment(ByteBufAllocator alloc, int sequence, long decodeTime, int duration, boolean key,
            List<byte[]> nals) {
        int sampleSize = 0;
        for (byte[] nal : nals) {
            sampleSize += 4 + nal.length;
        }
        ByteBuf out = alloc.buffer(120 + sampleSize);
        int moof = open(out, "moof");
        int mfhd = full(out, "mfhd", 0, 0);
        out.writeInt(sequence);
        close(out, mfhd);
        int traf = open(out, "traf");
        int tfhd = full(out, "tfhd", 0, 0x020000); // default-base-is-moof
        out.writeInt(1);
        close(out, tfhd);
        int tfdt = full(out, "tfdt", 1, 0);
        out.writeLong(decodeTime);
        close(out, tfdt);
        int trun = full(out, "trun", 0, 0x000001 | 0x000100 | 0x000200 | 0x000400);
        out.writeInt(1);
        int dataOffset = out.writerIndex();
        out.writeInt(0).writeInt(duration).writeInt(sampleSize).writeInt(key ? 0x02000000 : 0x01010000);
        close(out, trun);
        close(out, traf);
        close(out, moof);
        out.setInt(dataOffset, out.writerIndex() - moof + 8); // from the moof's start to the sample in mdat
        out.writeInt(8 + sampleSize).writeBytes(ascii("mdat"));
        for (byte[] nal : nals) {
            out.writeInt(nal.length).writeBytes(nal);
        }
        return out;
    }

    private static int open(ByteBuf out, String type) {
        int start = out.writerIndex();
        out.writeInt(0).writeBytes(ascii(type));
        return start;
    }

    private static int full(ByteBuf out, String type, int version, int flags) {
        int start = open(out, type);
        out.writeInt(version << 24 | flags);
        return start;
    }

    private static void close(ByteBuf out, int start) {
        out.setInt(start, out.writerIndex() - start);
    }

    private static void matrix(ByteBuf out) {
        for (int value : MATRIX) {
            out.writeInt(value);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
