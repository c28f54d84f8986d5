package org.wardnet.bench.live;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.adapters.rtsp.RtspPull;

/**
 * The viewers of the live benchmark, in a process of their own: RTSP clients over TCP interleaved
 * (Wardnet's camera-side client, which is what any relay's viewer looks like on the wire), viewer
 * i watching camera i mod CAMERAS. A dropped picture shows as a break in a viewer's RTP sequence
 * numbers. Commands on standard input: {@code open N} (up to N viewers, then waits until each has
 * a packet, up to 60 s), {@code reset} (counters to zero), {@code report}, {@code closeall}.
 *
 * <p>Usage: {@code ViewerLoadMain rtsp://HOST:PORT CAMERAS}
 */
public final class ViewerLoadMain {

    private static final LongAdder PACKETS = new LongAdder();
    private static final LongAdder BREAKS = new LongAdder();

    private ViewerLoadMain() {
    }

    /** One viewer: counts what it receives; confined to its connection's event loop but for the flags. */
    private static final class Viewer implements RtspPull.Listener {
        private int lastSeq = -1;
        private volatile boolean receiving;
        private volatile String ended;
        private RtspPull pull;

        @Override
        public void started(RtspPull.PulledStream stream) {
        }

        @Override
        public void packet(ByteBuf rtp) {
            int seq = rtp.getUnsignedShort(rtp.readerIndex() + 2);
            if (lastSeq >= 0 && seq != ((lastSeq + 1) & 0xFFFF)) {
                BREAKS.increment();
            }
            lastSeq = seq;
            receiving = true;
            PACKETS.increment();
        }

        @Override
        public void ended(String reason) {
            ended = reason;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int cameras = Integer.parseInt(args[1]);
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        RtspProbeSettings settings = new RtspProbeSettings(10_000, 30_000, 120_000, 8_192, 65_536, 0);
        List<Viewer> viewers = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        for (String line; (line = in.readLine()) != null; ) {
            String[] words = line.strip().split(" ");
            switch (words[0]) {
                case "open" -> {
                    int wanted = Integer.parseInt(words[1]);
                    while (viewers.size() < wanted) {
                        Viewer viewer = new Viewer();
                        viewer.pull = RtspPull.start(loops, settings, base + "/live/cam" + (viewers.size() % cameras),
                                null, null, viewer);
                        viewers.add(viewer);
                        if (viewers.size() % 50 == 0) {
                            Thread.sleep(50); // a crowd arriving, not one burst of thousands of connects
                        }
                    }
                    long deadline = System.nanoTime() + 60_000_000_000L;
                    while (receiving(viewers) < viewers.size() && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    System.out.println("opened " + viewers.size() + " receiving " + receiving(viewers));
                }
                case "reset" -> {
                    PACKETS.reset();
                    BREAKS.reset();
                    System.out.println("reset");
                }
                case "report" -> System.out.println("report " + viewers.size() + " " + receiving(viewers) + " "
                        + PACKETS.sum() + " " + BREAKS.sum() + " " + viewers.stream().filter(v -> v.ended != null).count());
                case "closeall" -> {
                    viewers.forEach(v -> v.pull.close());
                    viewers.clear();
                    System.out.println("closed");
                }
                default -> System.out.println("unknown " + line);
            }
            System.out.flush();
        }
        loops.shutdownGracefully();
    }

    private static long receiving(List<Viewer> viewers) {
        return viewers.stream().filter(v -> v.receiving && v.ended == null).count();
    }
}
