package org.wardnet.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/1.1 server: binds, builds each connection's pipeline (connection limit, codec with
 * line and header limits, idle close, {@link RequestReader}, {@link RequestDispatcher}) and
 * stops accepting on close.
 */
public final class HttpServer implements AutoCloseable {

    private final HttpSettings settings;
    private final Router router;
    private final ProblemWriter problems;
    private final RequestObserver observer;
    private final ConnectionLimiter limiter;
    private final EventLoops loops;
    private final SslContext tls;
    private Channel serverChannel;
    private Channel redirectChannel;

    /** @param tls the TLS context, or null for plain HTTP */
    public HttpServer(HttpSettings settings, EventLoops loops, Router router, ProblemWriter problems,
            RequestObserver observer, SslContext tls) {
        this.tls = tls;
        this.settings = settings;
        this.loops = loops;
        this.router = router;
        this.problems = problems;
        this.observer = observer;
        this.limiter = new ConnectionLimiter(settings.maxConnections());
    }

    /** Binds and returns the bound address (with the real port when 0 was asked for). */
    public InetSocketAddress start() throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.acceptor(), loops.workers())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // a client that shuts its side after sending still gets its answer (RequestDispatcher closes then)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        pipeline.addLast(limiter);
                        if (tls != null) {
                            pipeline.addLast(tls.newHandler(channel.alloc()));
                        }
                        pipeline.addLast(new HttpServerCodec(new HttpDecoderConfig()
                                .setMaxInitialLineLength(settings.maxInitialLineBytes())
                                .setMaxHeaderSize(settings.maxHeaderBytes())
                                .setMaxChunkSize(64 * 1024)));
                        pipeline.addLast(new IdleStateHandler(0, 0, settings.idleTimeoutSeconds(), TimeUnit.SECONDS));
                        if (tls != null) {
                            // files go out in chunks: sendfile cannot pass through encryption
                            pipeline.addLast(new ChunkedWriteHandler());
                        }
                        pipeline.addLast(new RequestReader(settings));
                        pipeline.addLast(new RequestDispatcher(router, problems, observer,
                                settings.requestTimeoutMillis(), tls != null));
                    }
                });
        serverChannel = bootstrap.bind(settings.host(), settings.port()).sync().channel();
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * Also listens for plain HTTP on {@code port} and answers every request with a 308 to the
     * same path on {@code httpsPort}, for clients that still type http://.
     */
    public void startRedirect(int port, int httpsPort) throws InterruptedException {
        redirectChannel = new ServerBootstrap()
                .group(loops.acceptor(), loops.workers())
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(limiter);
                        channel.pipeline().addLast(new HttpServerCodec(new HttpDecoderConfig()
                                .setMaxInitialLineLength(settings.maxInitialLineBytes())
                                .setMaxHeaderSize(settings.maxHeaderBytes())));
                        channel.pipeline().addLast(new IdleStateHandler(0, 0, settings.idleTimeoutSeconds(),
                                TimeUnit.SECONDS));
                        channel.pipeline().addLast(new HttpsRedirect(httpsPort, settings.host()));
                    }
                })
                .bind(settings.host(), port).sync().channel();
    }

    /** The plain-HTTP redirect listener's address, or null when there is none. */
    public InetSocketAddress redirectAddress() {
        return redirectChannel == null ? null : (InetSocketAddress) redirectChannel.localAddress();
    }

    /** Connections open now. */
    public int openConnections() {
        return limiter.open();
    }

    /** Stops accepting new connections; the event loops are closed by their owner. */
    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (redirectChannel != null) {
            redirectChannel.close().syncUninterruptibly();
        }
    }
}
