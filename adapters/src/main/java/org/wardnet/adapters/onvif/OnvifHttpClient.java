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
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 exchanges with devices, on Netty: a reply is aggregated up to the size limit and
 * bounded in time. A {@link Session} keeps one connection to one device open across a
 * conversation's requests (a verify sends about ten), reconnecting when the device closes it;
 * {@link #get} and {@link #postSoap} without a session use a fresh connection and close it.
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

    /** POSTs a SOAP 1.2 request on a fresh connection. */
    public CompletableFuture<HttpReply> postSoap(URI uri, byte[] envelope, String action, String authorization) {
        return new Session(uri).postSoap(uri, envelope, action, authorization, true);
    }

    /** GETs a resource (a snapshot) on a fresh connection. */
    public CompletableFuture<HttpReply> get(URI uri, String authorization) {
        return new Session(uri).send(HttpMethod.GET, uri, null, null, authorization, true);
    }

    /** A keep-alive session with the host and port of {@code uri}. */
    public Session session(URI uri) {
        return new Session(uri);
    }

    /**
     * One connection to one device, reused for sequential requests and reopened when the device
     * closes it. Not for concurrent requests: a conversation sends one request at a time.
     */
    public final class Session implements AutoCloseable {
        private final String host;
        private final int port;
        private Channel channel;
        private ReplyHandler handler;

        private Session(URI uri) {
            this.host = uri.getHost();
            this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        }

        /** Whether {@code uri} is on this session's host and port. */
        public boolean serves(URI uri) {
            return host != null && host.equals(uri.getHost()) && port == (uri.getPort() < 0 ? 80 : uri.getPort());
        }

        public CompletableFuture<HttpReply> postSoap(URI uri, byte[] envelope, String action, String authorization) {
            return postSoap(uri, envelope, action, authorization, false);
        }

        public CompletableFuture<HttpReply> get(URI uri, String authorization) {
            return send(HttpMethod.GET, uri, null, null, authorization, false);
        }

        CompletableFuture<HttpReply> postSoap(URI uri, byte[] envelope, String action, String authorization,
                boolean close) {
            String type = "application/soap+xml; charset=utf-8" + (action == null ? "" : "; action=\"" + action + "\"");
            return send(HttpMethod.POST, uri, envelope, type, authorization, close);
        }

        synchronized CompletableFuture<HttpReply> send(HttpMethod method, URI uri, byte[] body, String contentType,
                String authorization, boolean close) {
            if (host == null || !"http".equalsIgnoreCase(uri.getScheme())) {
                return CompletableFuture.failedFuture(new OnvifException(OnvifError.UNREACHABLE, "not an http:// URL: " + uri));
            }
            boolean reused = channel != null && channel.isActive();
            CompletableFuture<HttpReply> reply = attempt(method, uri, body, contentType, authorization, close);
            if (!reused) {
                return reply;
            }
            // A kept connection the device closed just as we sent: try once more on a fresh one.
            return reply.exceptionallyCompose(error -> error instanceof OnvifException e && e.getMessage().startsWith(CLOSED)
                    ? attempt(method, uri, body, contentType, authorization, close)
                    : CompletableFuture.failedFuture(error));
        }

        private synchronized CompletableFuture<HttpReply> attempt(HttpMethod method, URI uri, byte[] body,
                String contentType, String authorization, boolean close) {
            CompletableFuture<HttpReply> reply = new CompletableFuture<>();
            FullHttpRequest request = request(method, uri, body, contentType, authorization, close);
            if (channel != null && channel.isActive()) {
                write(channel, handler, request, reply, uri);
                return reply;
            }
            ReplyHandler fresh = new ReplyHandler();
            ChannelFuture connect = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(settings.maxResponseBytes()),
                            fresh);
                }
            }).connect(host, port);
            channel = connect.channel();
            handler = fresh;
            connect.addListener(done -> {
                if (!done.isSuccess()) {
                    request.release();
                    reply.completeExceptionally(new OnvifException(OnvifError.UNREACHABLE,
                            "cannot connect to " + host + ":" + port + ": " + reason(done.cause())));
                    return;
                }
                write(connect.channel(), fresh, request, reply, uri);
            });
            return reply;
        }

        private void write(Channel on, ReplyHandler replies, FullHttpRequest request, CompletableFuture<HttpReply> reply,
                URI uri) {
            replies.expect(reply, uri);
            ScheduledFuture<?> timer = on.eventLoop().schedule(() -> {
                if (reply.completeExceptionally(new OnvifException(OnvifError.TIMEOUT,
                        "no reply from " + uri + " within " + settings.replyTimeoutMillis() + " ms"))) {
                    on.close();
                }
            }, settings.replyTimeoutMillis(), TimeUnit.MILLISECONDS);
            reply.whenComplete((r, e) -> timer.cancel(false));
            on.writeAndFlush(request);
        }

        private FullHttpRequest request(HttpMethod method, URI uri, byte[] body, String contentType,
                String authorization, boolean close) {
            String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                target += "?" + uri.getRawQuery();
            }
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target,
                    body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
            request.headers().set(HttpHeaderNames.HOST, uri.getPort() < 0 ? host : host + ":" + port)
                    .set(HttpHeaderNames.USER_AGENT, "Wardnet");
            if (close) {
                request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            if (body != null) {
                request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            }
            if (authorization != null) {
                request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
            }
            return request;
        }

        /** Closes the connection, if one is open. */
        @Override
        public synchronized void close() {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        }
    }

    private static final String CLOSED = "connection closed before a complete reply";

    private static String reason(Throwable cause) {
        if (cause instanceof ConnectException) {
            return cause.getMessage() == null ? "connection refused" : cause.getMessage();
        }
        return cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Completes the pending reply from each aggregated response, or with the reason there is none. */
    private static final class ReplyHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        private volatile CompletableFuture<HttpReply> reply;
        private volatile URI uri;

        void expect(CompletableFuture<HttpReply> next, URI target) {
            this.uri = target;
            this.reply = next;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            CompletableFuture<HttpReply> pending = reply;
            if (pending == null) {
                return; // an answer nobody asked for (after a timeout): ignore it
            }
            reply = null;
            String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
            boolean keep = HttpUtil.isKeepAlive(response);
            pending.complete(new HttpReply(response.status().code(), type,
                    response.headers().getAll(HttpHeaderNames.WWW_AUTHENTICATE), ByteBufUtil.getBytes(response.content())));
            if (!keep) {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            CompletableFuture<HttpReply> pending = reply;
            if (pending != null) {
                pending.completeExceptionally(cause instanceof TooLongFrameException
                        ? new OnvifException(OnvifError.TOO_LARGE, "reply from " + uri + " is over the limit: "
                                + cause.getMessage())
                        : new OnvifException(OnvifError.MALFORMED_XML, "unreadable HTTP reply from " + uri + ": "
                                + cause.getMessage()));
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            CompletableFuture<HttpReply> pending = reply;
            if (pending != null) {
                pending.completeExceptionally(new OnvifException(OnvifError.TIMEOUT, CLOSED + " from " + uri));
            }
            ctx.fireChannelInactive();
        }
    }
}
