package org.wardnet.adapters.onvif;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 exchange per connection with a device, on Netty: connect, send, aggregate the reply
 * up to the size limit, close. Cameras' embedded web servers often mishandle keep-alive, and a verify
 * sends a handful of requests per camera, so the simplicity is worth the extra handshakes.
 *
 * <p>Every failure completes the future exceptionally with an {@link OnvifException}
 * ({@link OnvifError#UNREACHABLE}, {@link OnvifError#TIMEOUT}, {@link OnvifError#TOO_LARGE}); HTTP
 * error statuses are replies, not failures. Thread-safe; shares the event loops it is given.
 */
public final class OnvifHttpClient {

    private final Bootstrap bootstrap;
    private final OnvifSettings settings;

    public OnvifHttpClient(EventLoopGroup group, OnvifSettings settings) {
        this.settings = settings;
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.connectTimeoutMillis())
                .option(ChannelOption.TCP_NODELAY, true);
    }

    public OnvifSettings settings() {
        return settings;
    }

    /** POSTs a SOAP 1.2 request. */
    public CompletableFuture<HttpReply> postSoap(URI uri, byte[] envelope, String action, String authorization) {
        String type = "application/soap+xml; charset=utf-8" + (action == null ? "" : "; action=\"" + action + "\"");
        return exchange(HttpMethod.POST, uri, envelope, type, authorization);
    }

    /** GETs a resource (a snapshot). */
    public CompletableFuture<HttpReply> get(URI uri, String authorization) {
        return exchange(HttpMethod.GET, uri, null, null, authorization);
    }

    private CompletableFuture<HttpReply> exchange(HttpMethod method, URI uri, byte[] body, String contentType,
            String authorization) {
        CompletableFuture<HttpReply> reply = new CompletableFuture<>();
        String host = uri.getHost();
        if (host == null || !"http".equalsIgnoreCase(uri.getScheme())) {
            reply.completeExceptionally(new OnvifException(OnvifError.UNREACHABLE, "not an http:// URL: " + uri));
            return reply;
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target,
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.HOST, uri.getPort() < 0 ? host : host + ":" + port)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.USER_AGENT, "Wardnet");
        if (body != null) {
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        if (authorization != null) {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
        }
        ChannelFuture connect = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(settings.maxResponseBytes()),
                        new ReplyHandler(reply, uri));
            }
        }).connect(host, port);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                request.release();
                reply.completeExceptionally(new OnvifException(OnvifError.UNREACHABLE,
                        "cannot connect to " + host + ":" + port + ": " + reason(done.cause())));
                return;
            }
            Channel channel = connect.channel();
            ScheduledFuture<?> timer = channel.eventLoop().schedule(() -> {
                if (reply.completeExceptionally(new OnvifException(OnvifError.TIMEOUT,
                        "no reply from " + uri + " within " + settings.replyTimeoutMillis() + " ms"))) {
                    channel.close();
                }
            }, settings.replyTimeoutMillis(), TimeUnit.MILLISECONDS);
            reply.whenComplete((r, e) -> timer.cancel(false));
            channel.writeAndFlush(request);
        });
        return reply;
    }

    private static String reason(Throwable cause) {
        if (cause instanceof ConnectException) {
            return cause.getMessage() == null ? "connection refused" : cause.getMessage();
        }
        return cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Completes the reply from the aggregated response, or with the reason there is none. */
    private static final class ReplyHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final CompletableFuture<HttpReply> reply;
        private final URI uri;

        ReplyHandler(CompletableFuture<HttpReply> reply, URI uri) {
            this.reply = reply;
            this.uri = uri;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
            reply.complete(new HttpReply(response.status().code(), type,
                    response.headers().getAll(HttpHeaderNames.WWW_AUTHENTICATE), ByteBufUtil.getBytes(response.content())));
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                reply.completeExceptionally(new OnvifException(OnvifError.TOO_LARGE,
                        "reply from " + uri + " is over the limit: " + cause.getMessage()));
            } else {
                reply.completeExceptionally(new OnvifException(OnvifError.MALFORMED_XML,
                        "unreadable HTTP reply from " + uri + ": " + cause.getMessage()));
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            reply.completeExceptionally(new OnvifException(OnvifError.TIMEOUT,
                    "connection to " + uri + " closed before a complete reply", null));
            ctx.fireChannelInactive();
        }
    }
}
