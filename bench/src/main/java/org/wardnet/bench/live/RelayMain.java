package org.wardnet.bench.live;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.channel.EventLoopGroup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.wardnet.adapters.live.LiveGate;
import org.wardnet.adapters.live.LiveRelay;
import org.wardnet.adapters.live.LiveRelaySettings;
import org.wardnet.adapters.live.LiveRefusal;
import org.wardnet.adapters.live.LiveSource;
import org.wardnet.adapters.live.RelayMeters;
import org.wardnet.adapters.live.RelayRtspServer;
import org.wardnet.adapters.live.UpstreamStats;
import org.wardnet.adapters.rtsp.NettyTransports;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.simulator.district.SyntheticCameras;

/**
 * Wardnet's live relay alone in a process, as the benchmark measures it: {@code /live/camN} is the
 * simulator's synthetic camera N, every viewer admitted (the gate's work is the server's, not the
 * relay's). Settings as the server's defaults. Answers commands on standard input: {@code heap}
 * (used heap after two collections, and Netty's pooled direct memory), {@code meters} (pictures,
 * dropped, slow disconnects, consumers) and {@code latency} (the relay's delay histogram).
 *
 * <p>Usage: {@code RelayMain SIM_PORT}
 */
public final class RelayMain {

    private RelayMain() {
    }

    public static void main(String[] args) throws Exception {
        int simPort = Integer.parseInt(args[0]);
        EventLoopGroup loops = NettyTransports.newGroup(Runtime.getRuntime().availableProcessors());
        LiveRelay relay = new LiveRelay(loops, new LiveRelaySettings(new RtspProbeSettings(3_000, 5_000, 10_000, 8_192,
                65_536, 0), 10_000, 10_000, 10_000, 4 << 20, 10_000, 500, 30_000));
        LiveGate everyone = request -> {
            String id = request.stream().cameraId();
            if (!id.startsWith("cam")) {
                return CompletableFuture.failedFuture(new LiveRefusal(404, "no camera " + id));
            }
            int camera = Integer.parseInt(id.substring(3));
            return CompletableFuture.completedFuture(new LiveGate.Admission("bench",
                    new LiveSource(SyntheticCameras.url(camera, simPort), "admin", "pw"), (bytes, dropped, why) -> { }));
        };
        RelayRtspServer server = RelayRtspServer.bind(loops, loops, "127.0.0.1", 0, relay, everyone, 1 << 20, 0);
        System.out.println("listening on rtsp://127.0.0.1:" + server.port());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            RelayMeters meters = relay.meters();
            switch (line.strip()) {
                case "heap" -> {
                    System.gc();
                    Thread.sleep(200);
                    System.gc();
                    Runtime runtime = Runtime.getRuntime();
                    long direct = ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider
                            ? provider.metric().usedDirectMemory() : -1;
                    System.out.println("heap " + (runtime.totalMemory() - runtime.freeMemory()) + " " + direct);
                }
                case "meters" -> System.out.println("meters " + meters.pictures() + " " + meters.dropped() + " "
                        + meters.slowDisconnects() + " " + relay.streams().stream().mapToInt(UpstreamStats::consumers).sum());
                case "latency" -> System.out.println("latency " + String.join(" ",
                        Arrays.stream(meters.latencyCounts()).mapToObj(Long::toString).toList()));
                default -> System.out.println("unknown " + line);
            }
            System.out.flush();
        }
        server.close();
        relay.close();
        loops.shutdownGracefully();
    }
}
