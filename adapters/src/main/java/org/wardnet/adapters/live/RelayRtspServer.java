package org.wardnet.adapters.live;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.wardnet.adapters.rtsp.NettyTransports;
import org.wardnet.adapters.rtsp.RtspFramer;

/**
 * The relay's RTSP server: {@code rtsp://HOST:PORT/live/{cameraId}} and {@code .../sub}, one
 * {@link RelayRtspSession} per connection. Requests are small and bounded (8 KB of headers, 4 KB
 * of body); a connection silent for 60 s before PLAY is closed; each connection's write buffer is
 * bounded by {@code writeBufferHighBytes} (past it, pictures are dropped for that client).
 */
public final class RelayRtspServer implements AutoCloseable {

    private static final int MAX_HEADER_BYTES = 8_192;
    private static final int MAX_BODY_BYTES = 4_096;

    private final Channel channel;

    private RelayRtspServer(Channel channel) {
        this.channel = channel;
    }

    /**
     * Listens on {@code host:port} (0 for any free port).
     *
     * @param writeBufferHighBytes per connection: above it a client gets no more pictures until it drains
     * @param sendBufferBytes      each connection's socket send buffer, 0 for the system's (which grows to
     *                             megabytes: a client that stops reading is noticed that much later)
     */
    public static RelayRtspServer bind(EventLoopGroup boss, EventLoopGroup workers, String host, int port,
            LiveRelay relay, LiveGate gate, int writeBufferHighBytes, int sendBufferBytes) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap();
        if (sendBufferBytes > 0) {
            bootstrap.childOption(ChannelOption.SO_SNDBUF, sendBufferBytes);
        }
        Channel channel = bootstrap.group(boss, workers).channel(NettyTransports.serverChannel(boss))
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(writeBufferHighBytes / 4, writeBufferHighBytes))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new IdleStateHandler(60, 0, 0, TimeUnit.SECONDS),
                                new RtspFramer(MAX_HEADER_BYTES, MAX_BODY_BYTES), new RtpOutlet(), new RtspEncoder(),
                                new RtspDecoder(4_096, MAX_HEADER_BYTES, MAX_BODY_BYTES),
                                new HttpObjectAggregator(MAX_BODY_BYTES), new RelayRtspSession(relay, gate));
                    }
                }).bind(host, port).sync().channel();
        return new RelayRtspServer(channel);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
