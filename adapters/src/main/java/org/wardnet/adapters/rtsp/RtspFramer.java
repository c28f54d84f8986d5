package org.wardnet.adapters.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Splits what an RTSP server sends over TCP into whole RTSP messages (handed, as bytes, to
 * Netty's {@code RtspDecoder}) and interleaved {@link InterleavedFrame}s, which share the
 * connection once PLAY has started. Bounded: a header block, a body or a frame over its limit is
 * an error, never an unbounded buffer. After its first error the stream cannot be framed again,
 * so whatever else arrives (before the connection is closed) is dropped unread, not refused anew.
 */
public final class RtspFramer extends ByteToMessageDecoder {

    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private final int maxHeaderBytes;
    private final int maxBodyBytes;
    private boolean broken;

    public RtspFramer(int maxHeaderBytes, int maxBodyBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            frame(in, out);
        } catch (DecoderException e) {
            broken = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    private void frame(ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = in.readerIndex();
            if (in.getByte(start) == '$') {
                if (in.readableBytes() < 4) {
                    return;
                }
                int channel = in.getUnsignedByte(start + 1);
                int length = in.getUnsignedShort(start + 2);
                if (in.readableBytes() < 4 + length) {
                    return;
                }
                in.skipBytes(4);
                out.add(new InterleavedFrame(channel, in.readRetainedSlice(length)));
                continue;
            }
            int headerEnd = indexOf(in, start, Math.min(in.writerIndex(), start + maxHeaderBytes));
            if (headerEnd < 0) {
                if (in.readableBytes() >= maxHeaderBytes) {
                    throw new TooLongFrameException("RTSP header block over " + maxHeaderBytes + " bytes");
                }
                return;
            }
            int headerLength = headerEnd + HEADER_END.length - start;
            int bodyLength = contentLength(in.toString(start, headerLength, StandardCharsets.ISO_8859_1));
            if (bodyLength > maxBodyBytes) {
                throw new TooLongFrameException("RTSP body of " + bodyLength + " bytes, over " + maxBodyBytes);
            }
            if (in.readableBytes() < headerLength + bodyLength) {
                return;
            }
            out.add(in.readRetainedSlice(headerLength + bodyLength));
        }
    }

    private static int indexOf(ByteBuf in, int from, int to) {
        for (int i = from; i + HEADER_END.length <= to; i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r'
                    && in.getByte(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int contentLength(String header) {
        for (String line : header.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    int length = Integer.parseInt(line.substring(colon + 1).strip());
                    if (length < 0) {
                        throw new NumberFormatException();
                    }
                    return length;
                } catch (NumberFormatException e) {
                    throw new CorruptedFrameException("invalid Content-Length: " + line);
                }
            }
        }
        return 0;
    }
}
