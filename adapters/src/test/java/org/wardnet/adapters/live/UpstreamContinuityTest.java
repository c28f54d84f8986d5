package org.wardnet.adapters.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.adapters.rtsp.RtspPull;
import org.wardnet.adapters.rtsp.SdpParser;
import org.wardnet.adapters.rtsp.VideoTrack;

/**
 * The relay's RTP towards its consumers across a lost camera stream, with the camera side played
 * by the test: the stream is lost in the middle of a picture, and the half picture never reaches a
 * consumer, so it must not use up sequence numbers either (it once did, and a consumer saw a hole).
 */
class UpstreamContinuityTest {

    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=cam\r\nt=0 0\r\n"
            + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:track1\r\n";

    private final EventLoopGroup group = new DefaultEventLoopGroup(1);

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void aPictureCutShortByALostStreamLeavesNoHoleInTheSequence() throws Exception {
        AtomicReference<RtspPull.Listener> camera = new AtomicReference<>();
        UpstreamFeed feed = (loop, listener) -> {
            camera.set(listener);
            return () -> { };
        };
        LiveRelaySettings settings = new LiveRelaySettings(RtspProbeSettings.DEFAULTS, 0, 4, 4, 1 << 20, 1_000, 1, 2);
        Upstream upstream = new Upstream(new StreamKey("cam", false), feed, settings, group, new RelayMeters(), () -> { });
        List<Integer> sequence = new CopyOnWriteArrayList<>();
        LiveTap tap = upstream.tap();
        tap.play(recording(sequence));
        onLoop(() -> camera.get().started(described()));

        onLoop(() -> {
            picture(camera.get(), 100, 3_000, 3); // delivered
            packets(camera.get(), 103, 6_000, 2, false); // two packets of a picture, no marker: cut short
            camera.get().ended("the link was cut");
        });
        onLoop(() -> camera.get().started(described()));
        onLoop(() -> {
            picture(camera.get(), 40_000, 900_000, 3); // the new connection starts its own numbering
            picture(camera.get(), 40_003, 903_000, 1);
        });
        onLoop(() -> { });

        assertEquals(7, sequence.size(), "the delivered packets: " + sequence);
        for (int i = 1; i < sequence.size(); i++) {
            assertEquals((sequence.get(i - 1) + 1) & 0xFFFF, (int) sequence.get(i), "continuous: " + sequence);
        }
        tap.close();
    }

    /** Runs {@code task} on the upstream's loop (the group's only one) and waits for it. */
    private void onLoop(Runnable task) throws Exception {
        assertTrue(group.next().submit(task).await(5, TimeUnit.SECONDS));
    }

    private static RtspPull.PulledStream described() {
        var description = SdpParser.parse(SDP);
        return new RtspPull.PulledStream(SDP, description, 0, VideoTrack.of(description));
    }

    /** {@code count} packets of one picture, the last with the marker bit. */
    private static void picture(RtspPull.Listener camera, int firstSeq, long timestamp, int count) {
        packets(camera, firstSeq, timestamp, count, true);
    }

    /** {@code count} packets of one picture; with {@code complete} the last carries the marker bit. */
    private static void packets(RtspPull.Listener camera, int firstSeq, long timestamp, int count, boolean complete) {
        for (int i = 0; i < count; i++) {
            ByteBuf rtp = Unpooled.buffer(16);
            boolean last = complete && i == count - 1;
            rtp.writeByte(0x80).writeByte((last ? 0x80 : 0) | 96).writeShort(firstSeq + i).writeInt((int) timestamp)
                    .writeInt(0x1234).writeInt(0x41000000);
            camera.packet(rtp);
            rtp.release();
        }
    }

    private static LiveConsumer recording(List<Integer> sequence) {
        return new LiveConsumer() {
            @Override
            public void frame(List<ByteBuf> packets, boolean keyFrame, long arrivalNanos) {
                for (ByteBuf packet : packets) {
                    sequence.add(packet.getUnsignedShort(packet.readerIndex() + 6));
                    packet.release();
                }
            }

            @Override
            public void upstreamLost(String reason) {
            }

            @Override
            public void streamEnded(String reason) {
            }
        };
    }
}
