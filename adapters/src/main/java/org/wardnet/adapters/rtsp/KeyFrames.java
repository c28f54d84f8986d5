package org.wardnet.adapters.rtsp;

import io.netty.buffer.ByteBuf;

/**
 * Recognises the start of a key frame in an RTP packet: an H.264 IDR slice (RFC 6184: single NAL,
 * STAP-A, or the first FU-A fragment) or an H.265 IRAP picture (RFC 7798: single NAL, AP, or the
 * first FU fragment). Reads without consuming; malformed packets are simply not key frames.
 */
public final class KeyFrames {

    private KeyFrames() {
    }

    public static boolean startsKeyFrame(String codec, ByteBuf rtp) {
        int payload = payloadOffset(rtp);
        if (payload < 0 || payload >= rtp.writerIndex()) {
            return false;
        }
        return switch (codec) {
            case "H264" -> h264(rtp, payload);
            case "H265" -> h265(rtp, payload);
            default -> true; // other codecs (JPEG, MPEG-4): every frame can be decoded on its own
        };
    }

    /** Index of the RTP payload, or -1 when the packet is not RTP version 2. */
    public static int payloadOffset(ByteBuf rtp) {
        int start = rtp.readerIndex();
        if (rtp.readableBytes() < 12 || (rtp.getUnsignedByte(start) >> 6) != 2) {
            return -1;
        }
        int first = rtp.getUnsignedByte(start);
        int offset = start + 12 + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) { // header extension
            if (rtp.writerIndex() < offset + 4) {
                return -1;
            }
            offset += 4 + 4 * rtp.getUnsignedShort(offset + 2);
        }
        return offset;
    }

    private static boolean h264(ByteBuf rtp, int at) {
        int type = rtp.getUnsignedByte(at) & 0x1F;
        if (type == 5) {
            return true;
        }
        if (type == 24) { // STAP-A: 16-bit size, then the NAL unit, repeated
            for (int i = at + 1; i + 2 < rtp.writerIndex(); ) {
                int size = rtp.getUnsignedShort(i);
                if (size == 0 || i + 2 >= rtp.writerIndex()) {
                    return false;
                }
                if ((rtp.getUnsignedByte(i + 2) & 0x1F) == 5) {
                    return true;
                }
                i += 2 + size;
            }
            return false;
        }
        if (type == 28 && at + 1 < rtp.writerIndex()) { // FU-A: start bit and the fragmented NAL's type
            int header = rtp.getUnsignedByte(at + 1);
            return (header & 0x80) != 0 && (header & 0x1F) == 5;
        }
        return false;
    }

    private static boolean h265(ByteBuf rtp, int at) {
        if (at + 1 >= rtp.writerIndex()) {
            return false;
        }
        int type = (rtp.getUnsignedByte(at) >> 1) & 0x3F;
        if (type >= 16 && type <= 21) {
            return true;
        }
        if (type == 48) { // aggregation packet
            for (int i = at + 2; i + 2 < rtp.writerIndex(); ) {
                int size = rtp.getUnsignedShort(i);
                int nalType = (rtp.getUnsignedByte(i + 2) >> 1) & 0x3F;
                if (nalType >= 16 && nalType <= 21) {
                    return true;
                }
                if (size == 0) {
                    return false;
                }
                i += 2 + size;
            }
            return false;
        }
        if (type == 49 && at + 2 < rtp.writerIndex()) { // fragmentation unit
            int header = rtp.getUnsignedByte(at + 2);
            int fragmentType = header & 0x3F;
            return (header & 0x80) != 0 && fragmentType >= 16 && fragmentType <= 21;
        }
        return false;
    }
}
