package org.wardnet.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.adapters.rtsp.RtspProber;
import org.wardnet.core.health.ProbeDepth;
import org.wardnet.core.health.ProbeOutcome;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.simulator.district.DistrictGenerator;

/**
 * Full sweeps (OPTIONS + DESCRIBE, Digest authentication) of the reference district's 12,414
 * simulated cameras: the first (every camera new, so every probe collects a 401 first) and a
 * steady one (challenges reused, as in every monitor round after the first), served by a simulator in another process, at a fixed concurrency; beside it
 * the loopback floor: as many connections, each with two minimal request/response exchanges, to
 * {@link FloorServer}, at the same concurrency, in the same run.
 *
 * <p>Usage: {@code SweepBenchmark SIM_PORT FLOOR_PORT [CONCURRENCY]}. Run it with {@code -Xmx256m}:
 * the peak heap is reported too.
 */
public final class SweepBenchmark {

    private SweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int simPort = Integer.parseInt(args[0]);
        int floorPort = Integer.parseInt(args[1]);
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        List<CameraDraft> cameras = DistrictGenerator.reference().withRtspPort(simPort).cameras();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                NioIoHandler.newFactory());
        try {
            RtspProber prober = new RtspProber(group, RtspProbeSettings.DEFAULTS);
            IntFunction<CompletableFuture<Boolean>> probe = i -> {
                CameraDraft c = cameras.get(i);
                return prober.probe(c.rtsp().url(), c.rtsp().username(), c.rtsp().password(), ProbeDepth.DESCRIBE)
                        .thenApply(ProbeOutcome::ok);
            };
            resetPeaks();
            // The first sweep meets every camera for the first time: each probe collects a 401
            // challenge before it can authenticate. Later sweeps, like every round of the monitor
            // after its first, reuse the cameras' challenges.
            double first = run("first sweep (no challenge cached)", cameras.size(), concurrency, probe);
            double sweep = run("steady sweep", cameras.size(), concurrency, probe);
            long peakHeap = peakHeap();
            RtspProber fresh = new RtspProber(group, RtspProbeSettings.DEFAULTS); // warm code, no challenge cached
            double uncached = run("warm sweep, no challenge cached", cameras.size(), concurrency, i -> {
                CameraDraft c = cameras.get(i);
                return fresh.probe(c.rtsp().url(), c.rtsp().username(), c.rtsp().password(), ProbeDepth.DESCRIBE)
                        .thenApply(ProbeOutcome::ok);
            });
            Bootstrap floor = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true);
            run("floor warm-up", cameras.size(), concurrency, i -> exchange(floor, floorPort));
            double floorSeconds = run("floor", cameras.size(), concurrency, i -> exchange(floor, floorPort));
            System.out.printf("RESULT sweep_seconds=%.2f (steady; target <= 5: %s) first_sweep_seconds=%.2f"
                    + " warm_uncached_sweep_seconds=%.2f probes_per_second=%.0f peak_heap_mb=%.0f (target <= 256: %s)%n",
                    sweep, sweep <= 5 ? "MET" : "MISSED", first, uncached, cameras.size() / sweep, peakHeap / 1e6,
                    peakHeap <= 256e6 ? "MET" : "MISSED");
            System.out.printf("RESULT floor_seconds=%.2f floor_rate=%.0f sweep_to_floor_rate=%.2f (target >= 0.5: %s)%n",
                    floorSeconds, cameras.size() / floorSeconds, floorSeconds / sweep,
                    floorSeconds / sweep >= 0.5 ? "MET" : "MISSED");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Runs {@code count} operations, at most {@code concurrency} at once; returns the wall time in seconds. */
    private static double run(String name, int count, int concurrency, IntFunction<CompletableFuture<Boolean>> operation)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        long start = System.nanoTime();
        Runnable[] launch = new Runnable[1];
        launch[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return;
            }
            operation.apply(i).whenComplete((ok, error) -> {
                if (error != null || !Boolean.TRUE.equals(ok)) {
                    failed.incrementAndGet();
                }
                done.countDown();
                launch[0].run();
            });
        };
        for (int i = 0; i < Math.min(concurrency, count); i++) {
            launch[0].run();
        }
        done.await(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %s: %d in %.2f s (%.0f/s), %d failed%n", name, count, seconds, count / seconds, failed.get());
        return seconds;
    }

    /** Connect, two line exchanges, close: the least a TCP request/response probe can cost. */
    private static CompletableFuture<Boolean> exchange(Bootstrap bootstrap, int port) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new LineBasedFrameDecoder(256), new SimpleChannelInboundHandler<ByteBuf>() {
                    private int answers;

                    @Override
                    public void channelActive(ChannelHandlerContext ctx) {
                        ctx.writeAndFlush(ping());
                    }

                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
                        if (++answers == 2) {
                            ctx.close();
                            result.complete(true);
                        } else {
                            ctx.writeAndFlush(ping());
                        }
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        ctx.close();
                        result.complete(false);
                    }
                });
            }
        }).connect("127.0.0.1", port).addListener(f -> {
            if (!f.isSuccess()) {
                result.complete(false);
            }
        });
        return result;
    }

    private static ByteBuf ping() {
        return Unpooled.copiedBuffer("PING\r\n", StandardCharsets.US_ASCII);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
