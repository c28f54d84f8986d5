package org.wardnet.adapters.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The framer's failures, as fuzzing found them. */
class RtspFramerTest {

    /**
     * Found by {@link RtspParsingFuzzTest}: after an oversized header block the framer kept the
     * bytes and refused them again on every later read and once more when the connection closed.
     */
    @Test
    void aStreamIsRefusedOnceAndWhatFollowsIsDropped() {
        UnpooledByteBufAllocator allocator = new UnpooledByteBufAllocator(false);
        EmbeddedChannel channel = new EmbeddedChannel(new RtspFramer(64, 1_024));
        channel.config().setAllocator(allocator);
        byte[] endless = "RTSP/1.0 200 OK\r\nX-Padding: ".concat("a".repeat(100)).getBytes(StandardCharsets.US_ASCII);
        assertThrows(TooLongFrameException.class,
                () -> channel.writeInbound(allocator.heapBuffer().writeBytes(endless)));
        channel.writeInbound(allocator.heapBuffer().writeBytes("RTSP/1.0 200 OK\r\nCSeq: 2\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII)));
        assertNull(channel.readInbound(), "nothing framed after the error");
        channel.finishAndReleaseAll(); // no second refusal when the connection closes
        assertEquals(0, allocator.metric().usedHeapMemory());
    }

    @Test
    void aWholeReplyAndAnInterleavedPacketAreFramed() {
        EmbeddedChannel channel = new EmbeddedChannel(new RtspFramer(1_024, 1_024));
        channel.writeInbound(Unpooled.wrappedBuffer(("RTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Length: 2\r\n\r\nok")
                .getBytes(StandardCharsets.US_ASCII), new byte[] {'$', 1, 0, 2, 7, 8}));
        io.netty.buffer.ByteBuf reply = channel.readInbound();
        assertEquals("ok", reply.toString(StandardCharsets.US_ASCII).substring(reply.readableBytes() - 2));
        reply.release();
        InterleavedFrame frame = channel.readInbound();
        assertEquals(1, frame.channel());
        assertEquals(2, frame.content().readableBytes());
        frame.release();
        channel.finishAndReleaseAll();
    }
}
