package org.wardnet.adapters.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.wardnet.adapters.fuzz.Mutations;

/**
 * Fuzzing the RTSP side with the captured replies of real cameras as seeds ({@link Mutations}):
 * the framer and Netty's RTSP decoder as the prober's pipeline stacks them, fed in random pieces,
 * and the SDP parser. The properties: only the declared errors (a framer's too-long or corrupt
 * frame, an SDP without media), and every buffer released — the test's own allocator counts the
 * bytes still held once the channel is closed. Tries per property: {@code jqwik.tries.default}
 * (1,000 in a test run; the nightly-sized run in {@code bench/README.md} uses 100,000). Bounded
 * time per input is not asserted (a test never judges wall-clock time); the nightly run reports it.
 */
class RtspParsingFuzzTest {

    private static final int MAX_HEADER = 8_192;
    private static final int MAX_BODY = 65_536;

    private static List<byte[]> seeds(String suffix) {
        try {
            List<byte[]> out = new ArrayList<>();
            for (String name : Captures.names()) {
                if (name.endsWith(suffix)) {
                    out.add(Captures.bytes(name));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A captured reply, an interleaved RTP packet and another reply, as they share a connection after PLAY. */
    private static List<byte[]> connectionSeeds() {
        List<byte[]> replies = seeds(".rtsp");
        List<byte[]> out = new ArrayList<>(replies);
        byte[] frame = {'$', 0, 0, 12, (byte) 0x80, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2};
        for (int i = 0; i + 1 < replies.size(); i += 2) {
            byte[] a = replies.get(i);
            byte[] b = replies.get(i + 1);
            byte[] joined = new byte[a.length + frame.length + b.length];
            System.arraycopy(a, 0, joined, 0, a.length);
            System.arraycopy(frame, 0, joined, a.length, frame.length);
            System.arraycopy(b, 0, joined, a.length + frame.length, b.length);
            out.add(joined);
        }
        return out;
    }

    @Provide
    Arbitrary<byte[]> connectionBytes() {
        return Mutations.of(connectionSeeds(), 4);
    }

    @Provide
    Arbitrary<byte[]> sdpBytes() {
        return Mutations.of(seeds(".sdp"), 4);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(1, 400).list().ofMaxSize(6);
    }

    @Property
    void theConnectionsDecodersFailOnlyAsDeclaredAndReleaseEverything(@ForAll("connectionBytes") byte[] input,
            @ForAll("cuts") List<Integer> cuts) {
        UnpooledByteBufAllocator allocator = new UnpooledByteBufAllocator(false);
        EmbeddedChannel channel = new EmbeddedChannel(new RtspFramer(MAX_HEADER, MAX_BODY),
                new RtspDecoder(4_096, MAX_HEADER, MAX_BODY), new HttpObjectAggregator(MAX_BODY));
        channel.config().setAllocator(allocator);
        int at = 0;
        try {
            for (int i = 0; i <= cuts.size() && at < input.length; i++) {
                int end = i < cuts.size() ? Math.min(input.length, at + cuts.get(i)) : input.length;
                ByteBuf piece = allocator.heapBuffer(end - at).writeBytes(input, at, end - at);
                at = end;
                channel.writeInbound(piece);
                drain(channel);
            }
        } catch (DecoderException e) {
            Throwable cause = e instanceof TooLongFrameException || e instanceof CorruptedFrameException ? e : e.getCause();
            if (!(cause instanceof TooLongFrameException || cause instanceof CorruptedFrameException)) {
                throw e; // anything else is a defect of the framer
            }
        } finally {
            drain(channel);
            channel.finishAndReleaseAll();
        }
        assertEquals(0, allocator.metric().usedHeapMemory(), "bytes still held after the connection closed");
    }

    private static void drain(EmbeddedChannel channel) {
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            ReferenceCountUtil.release(message);
        }
    }

    @Property
    void sdpIsReadOrRefusedWithItsOwnError(@ForAll("sdpBytes") byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        SessionDescription description;
        try {
            description = SdpParser.parse(text);
        } catch (SdpException refused) {
            assertNotNull(refused.getMessage());
            return;
        }
        assertFalse(description.media().isEmpty(), "a description without media is refused, not returned");
    }
}
