package org.wardnet.adapters.rtsp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Event loops on Linux's epoll where its natives load, NIO elsewhere, and the channel classes that
 * fit a given group. Media fan-out does a write per viewer per picture; epoll's edge-triggered
 * loop spends fewer system calls on each than NIO's selector.
 */
public final class NettyTransports {

    private NettyTransports() {
    }

    /** A group of {@code threads} loops: epoll when available. */
    public static EventLoopGroup newGroup(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, Epoll.isAvailable() ? EpollIoHandler.newFactory()
                : NioIoHandler.newFactory());
    }

    /** The client socket class for {@code group}'s loops. */
    public static Class<? extends SocketChannel> socketChannel(EventLoopGroup group) {
        return epoll(group) ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** The listening socket class for {@code group}'s loops. */
    public static Class<? extends ServerSocketChannel> serverChannel(EventLoopGroup group) {
        return epoll(group) ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** The UDP socket class for {@code group}'s loops. */
    public static Class<? extends DatagramChannel> datagramChannel(EventLoopGroup group) {
        return epoll(group) ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    private static boolean epoll(EventLoopGroup group) {
        return group instanceof IoEventLoopGroup loops && Epoll.isAvailable() && loops.isIoType(EpollIoHandler.class);
    }
}
