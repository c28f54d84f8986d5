package org.wardnet.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The loopback floor's server: answers each line with a short line, nothing else. Usage:
 * {@code FloorServer PORT}; prints {@code listening on tcp://127.0.0.1:PORT}.
 */
public final class FloorServer {

    private static final ByteBuf PONG = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer("PONG\r\n", StandardCharsets.US_ASCII));

    private FloorServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                NioIoHandler.newFactory());
        Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096).childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new LineBasedFrameDecoder(256), new SimpleChannelInboundHandler<ByteBuf>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
                                ctx.writeAndFlush(PONG.duplicate());
                            }
                        });
                    }
                }).bind("127.0.0.1", args.length > 0 ? Integer.parseInt(args[0]) : 0).sync().channel();
        System.out.println("listening on tcp://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort());
        channel.closeFuture().sync();
    }
}
