package org.wardnet.adapters.rtsp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The two UDP ports of one stream pulled over UDP (RFC 2326 §12.39: RTP on an even port, RTCP on
 * the next), bound on the control connection's local address and event loop. RTP datagrams from
 * the camera's address go to the consumer, on that loop; others are dropped and counted, and the
 * RTCP port only drains (the camera's sender reports are not used).
 *
 * <p>Limits: no RTCP receiver reports are sent (cameras keep sending while the RTSP session is
 * kept alive); a pair is looked for in at most {@value #ATTEMPTS} tries.
 */
final class UdpMediaPorts {

    static final int ATTEMPTS = 16;

    private final Channel rtp;
    private final Channel rtcp;
    private long foreign;

    private UdpMediaPorts(Channel rtp, Channel rtcp) {
        this.rtp = rtp;
        this.rtcp = rtcp;
    }

    /**
     * Binds a pair on {@code local}; RTP from {@code camera} goes to {@code packets} (valid during
     * the call only).
     */
    static CompletableFuture<UdpMediaPorts> bind(EventLoop loop, InetAddress local, InetAddress camera,
            Consumer<ByteBuf> packets) {
        CompletableFuture<UdpMediaPorts> bound = new CompletableFuture<>();
        attempt(loop, local, camera, packets, bound, 1);
        return bound;
    }

    private static void attempt(EventLoop loop, InetAddress local, InetAddress camera, Consumer<ByteBuf> packets,
            CompletableFuture<UdpMediaPorts> bound, int attempt) {
        UdpMediaPorts[] made = new UdpMediaPorts[1];
        Bootstrap rtpBootstrap = new Bootstrap().group(loop).channel(NettyTransports.datagramChannel(loop))
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
                        if (datagram.sender().getAddress().equals(camera)) {
                            packets.accept(datagram.content());
                        } else if (made[0] != null) {
                            made[0].foreign++;
                        }
                    }
                });
        rtpBootstrap.bind(new InetSocketAddress(local, 0)).addListener((ChannelFuture rtpBound) -> {
            if (!rtpBound.isSuccess()) {
                bound.completeExceptionally(rtpBound.cause());
                return;
            }
            Channel rtp = rtpBound.channel();
            int port = ((InetSocketAddress) rtp.localAddress()).getPort();
            if (port % 2 != 0 || port == 65_535) {
                retry(rtp, null, loop, local, camera, packets, bound, attempt);
                return;
            }
            new Bootstrap().group(loop).channel(NettyTransports.datagramChannel(loop))
                    .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket report) {
                            // sender reports are not used; reading them keeps the socket's buffer empty
                        }
                    }).bind(new InetSocketAddress(local, port + 1)).addListener((ChannelFuture rtcpBound) -> {
                        if (!rtcpBound.isSuccess()) {
                            retry(rtp, null, loop, local, camera, packets, bound, attempt);
                            return;
                        }
                        made[0] = new UdpMediaPorts(rtp, rtcpBound.channel());
                        bound.complete(made[0]);
                    });
        });
    }

    private static void retry(Channel rtp, Channel rtcp, EventLoop loop, InetAddress local, InetAddress camera,
            Consumer<ByteBuf> packets, CompletableFuture<UdpMediaPorts> bound, int attempt) {
        rtp.close();
        if (rtcp != null) {
            rtcp.close();
        }
        if (attempt >= ATTEMPTS) {
            bound.completeExceptionally(new IllegalStateException("no free even/odd UDP port pair on " + local
                    + " after " + ATTEMPTS + " tries"));
            return;
        }
        attempt(loop, local, camera, packets, bound, attempt + 1);
    }

    /** The RTP port; RTCP is the next. */
    int rtpPort() {
        return ((InetSocketAddress) rtp.localAddress()).getPort();
    }

    /** Datagrams that came to the RTP port from another address than the camera's. */
    long foreign() {
        return foreign;
    }

    void close() {
        rtp.close();
        rtcp.close();
    }
}
