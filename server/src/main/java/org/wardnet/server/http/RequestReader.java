package org.wardnet.server.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns Netty's request parts into one {@link Incoming} per request, within bounds: a body over
 * its path's limit is refused with 413 as soon as that is known (from Content-Length, before the
 * body is read, or while it streams in), a request not complete within the timeout gets 408, and
 * an unparseable line or header block gets 400, 414 or 431. After any of these the rest of the
 * connection's input is discarded and it is closed once the answer is written.
 *
 * <p>One instance per connection; all methods run on its event loop.
 */
final class RequestReader extends ChannelInboundHandlerAdapter {

    private static final byte[] EMPTY = new byte[0];

    private final HttpSettings settings;

    private HttpRequest head;
    private QueryStringDecoder uri;
    private CompositeByteBuf body;
    private long limit;
    private long startNanos;
    private ScheduledFuture<?> timeout;
    private boolean discarding;
    /** The channel's peer, its text made at the first request (this reader serves one connection). */
    private java.net.SocketAddress peer;

    RequestReader(HttpSettings settings) {
        this.settings = settings;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (discarding) {
                return;
            }
            if (msg instanceof HttpRequest request) {
                begin(ctx, request);
            }
            if (msg instanceof HttpContent content && head != null) {
                append(ctx, content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest request) {
        startNanos = System.nanoTime();
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            reject(ctx, request.method().name(), decoderProblem(result.cause()));
            return;
        }
        head = request;
        uri = new QueryStringDecoder(request.uri());
        limit = settings.bodyLimit(uri.path(), request.headers().get(HttpHeaderNames.CONTENT_TYPE));
        timeout = ctx.executor().schedule(() -> timedOut(ctx), settings.requestTimeoutMillis(), TimeUnit.MILLISECONDS);
        long declared = HttpUtil.getContentLength(request, -1L);
        if (declared > limit) {
            reject(ctx, request.method().name(), tooLarge(declared));
            return;
        }
        if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
    }

    private void append(ChannelHandlerContext ctx, HttpContent content) {
        if (content.decoderResult().isFailure()) {
            reject(ctx, head.method().name(), decoderProblem(content.decoderResult().cause()));
            return;
        }
        int size = content.content().readableBytes();
        long held = body == null ? 0 : body.readableBytes();
        if (held + size > limit) {
            reject(ctx, head.method().name(), tooLarge(held + size));
            return;
        }
        if (size > 0) {
            if (body == null) { // most requests (GET) have no body: allocate only for those that do
                body = ctx.alloc().compositeBuffer(1024);
            }
            body.addComponent(true, content.content().retain());
        }
        if (content instanceof LastHttpContent) {
            finish(ctx);
        }
    }

    private void finish(ChannelHandlerContext ctx) {
        HttpRequest request = head;
        QueryStringDecoder target = uri;
        byte[] bytes = body == null || body.readableBytes() == 0 ? EMPTY : ByteBufUtil.getBytes(body);
        reset();
        if (peer == null) {
            peer = ConnectionPeer.of(ctx.channel().remoteAddress());
        }
        ApiRequest api = new ApiRequest(request.method(), target.path(), target.parameters(), request.headers(), bytes,
                Map.of(), peer);
        ctx.fireChannelRead(new Incoming(api, null, request.method().name(), HttpUtil.isKeepAlive(request),
                startNanos));
    }

    private void timedOut(ChannelHandlerContext ctx) {
        if (head != null && !discarding) {
            reject(ctx, head.method().name(), Problem.of(HttpResponseStatus.REQUEST_TIMEOUT, "request-timeout",
                    "Request timeout", "the request was not received in full within "
                            + settings.requestTimeoutMillis() / 1000 + " s (server.requestTimeoutSeconds)"));
        }
    }

    private void reject(ChannelHandlerContext ctx, String method, Problem problem) {
        reset();
        discarding = true;
        ctx.fireChannelRead(new Incoming(null, problem, method, false, startNanos));
    }

    private void reset() {
        head = null;
        uri = null;
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
        if (body != null) {
            body.release();
            body = null;
        }
    }

    private Problem tooLarge(long size) {
        return Problem.of(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large", "Body too large",
                "the request body has " + (size > 0 ? "at least " + size + " bytes" : "too many bytes")
                        + "; the limit here is " + limit + " bytes (server.maxJsonBodyBytes or"
                        + " server.maxImportBodyBytes)");
    }

    private Problem decoderProblem(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return Problem.of(HttpResponseStatus.REQUEST_URI_TOO_LONG, "uri-too-long", "URI too long",
                    "the request line is longer than " + settings.maxInitialLineBytes()
                            + " bytes (server.maxInitialLineBytes)");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return Problem.of(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                    "Headers too large", "the request headers exceed " + settings.maxHeaderBytes()
                            + " bytes (server.maxHeaderBytes)");
        }
        return Problem.badRequest("the request is not valid HTTP/1.1: " + cause.getMessage());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof ChannelInputShutdownEvent && head != null && !discarding) {
            // the client shut its side with the body unfinished: it is told so rather than left without an answer
            long received = body == null ? 0 : body.readableBytes();
            long declared = HttpUtil.getContentLength(head, -1L);
            reject(ctx, head.method().name(), Problem.badRequest("the connection's input ended after " + received
                    + " body bytes" + (declared >= 0 ? " of the " + declared + " declared by Content-Length" : "")
                    + "; the request is incomplete"));
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        reset();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        reset();
    }

    /** Whether a request is partly read; idle-connection handling must not close such a one. */
    boolean reading() {
        return head != null;
    }
}
