package org.wardnet.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedFile;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each {@link Incoming} request to its handler and writes the answer, one request at a
 * time per connection, so pipelined requests are answered in the order they came even when a
 * handler completes on another thread. A handler that does not answer within the request timeout
 * is answered 503 (its late result is dropped). Idle keep-alive connections are closed.
 *
 * <p>One instance per connection; all state is touched only on its event loop.
 */
final class RequestDispatcher extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);
    private static final long LINGER_MILLIS = 2_000;

    private final Router router;
    private final ProblemWriter problems;
    private final RequestObserver observer;
    private final long timeoutMillis;
    private final boolean secure;
    private final ArrayDeque<Incoming> pending = new ArrayDeque<>();
    private boolean busy;
    private boolean closing;
    /** The client shut its side (a half-close): the answers owed are written, then the connection closes. */
    private boolean inputEnded;
    /** An event stream owns the connection: it ends when the client's side does. */
    private boolean streaming;

    /** @param secure whether the connection is HTTPS (answers then carry Strict-Transport-Security) */
    RequestDispatcher(Router router, ProblemWriter problems, RequestObserver observer, long timeoutMillis,
            boolean secure) {
        this.secure = secure;
        this.router = router;
        this.problems = problems;
        this.observer = observer;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Incoming incoming)) {
            ctx.fireChannelRead(msg);
            return;
        }
        pending.add(incoming);
        if (!busy) {
            next(ctx);
        }
    }

    private void next(ChannelHandlerContext ctx) {
        Incoming incoming = pending.poll();
        if (incoming == null || closing) {
            busy = false;
            if (inputEnded && !closing) {
                closeAfterWrites(ctx);
            }
            return;
        }
        busy = true;
        if (incoming.rejection() != null) {
            answer(ctx, incoming, "rejected", problems.response(incoming.rejection()));
            return;
        }
        ApiRequest request = incoming.request();
        boolean head = request.method().equals(HttpMethod.HEAD);
        ApiRequest routed = head ? new ApiRequest(HttpMethod.GET, request.path(), request.query(), request.headers(),
                request.body(), Map.of(), request.peer()) : request;
        Router.Match match;
        try {
            match = router.match(routed);
        } catch (ApiException e) {
            answer(ctx, incoming, "unmatched", problems.response(e.problem()));
            return;
        }
        String route = match.route().template();
        CompletableFuture<ApiResponse> result = invoke(match);
        if (result.isDone()) {
            answer(ctx, incoming, route, outcome(result, incoming));
            return;
        }
        ScheduledFuture<?> timer = ctx.executor().schedule(() -> result.completeExceptionally(
                new ApiException(Problem.of(HttpResponseStatus.SERVICE_UNAVAILABLE, "timeout", "Timed out",
                        "the server did not finish within " + timeoutMillis / 1000 + " s; the outcome of a write"
                                + " is unknown, so read the resource before retrying"))),
                timeoutMillis, TimeUnit.MILLISECONDS);
        result.whenComplete((ok, error) -> ctx.executor().execute(() -> {
            timer.cancel(false);
            answer(ctx, incoming, route, outcome(result, incoming));
        }));
    }

    private static CompletableFuture<ApiResponse> invoke(Router.Match match) {
        try {
            return match.route().handler().handle(match.request());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private ApiResponse outcome(CompletableFuture<ApiResponse> result, Incoming incoming) {
        try {
            return result.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return problems.responseFor(cause, incoming.method() + " " + incoming.request().path());
        }
    }

    /**
     * Turns the connection into a WebSocket: the HTTP handlers leave the pipeline before the
     * handshake's answer is written (the client's frames may follow it at once), the socket's
     * handler takes their place, and the socket runs until the connection closes.
     */
    private void upgrade(ChannelHandlerContext ctx, Incoming incoming, String route, MediaSocket socket) {
        ApiRequest request = incoming.request();
        DefaultFullHttpRequest handshake = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                request.path(), Unpooled.EMPTY_BUFFER, request.headers().copy(), EmptyHttpHeaders.INSTANCE);
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                (secure ? "wss://" : "ws://") + request.headers().get(HttpHeaderNames.HOST) + request.path(), null, false,
                4_096).newHandshaker(handshake);
        observer.observe(incoming.method(), route, 101, System.nanoTime() - incoming.startNanos());
        closing = true;
        pending.clear();
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel())
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ChannelPipeline pipeline = ctx.pipeline();
        MediaSocketHandler handler = new MediaSocketHandler(handshaker);
        pipeline.remove(RequestReader.class);
        pipeline.addLast(handler);
        pipeline.remove(this);
        int high = socket.writeBufferBytes();
        ctx.channel().config().setWriteBufferWaterMark(new WriteBufferWaterMark(high / 4, high));
        handshaker.handshake(ctx.channel(), handshake).addListener(done -> {
            if (!done.isSuccess()) {
                ctx.channel().close();
                return;
            }
            Runnable onClose = socket.open(handler);
            ctx.channel().closeFuture().addListener(closed -> onClose.run());
        });
    }

    /** Writes the head of a streamed answer, then lets its producer send until the connection closes. */
    private void stream(ChannelHandlerContext ctx, Incoming incoming, String route, ApiResponse response) {
        DefaultHttpResponse head = new DefaultHttpResponse(
                HttpVersion.HTTP_1_1, response.status());
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType())
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        SecurityHeaders.apply(head.headers(), secure);
        response.headers().forEach(head.headers()::set);
        observer.observe(incoming.method(), route, response.status().code(), System.nanoTime() - incoming.startNanos());
        closing = true; // the stream owns the connection until it closes
        streaming = true;
        pending.clear();
        ctx.writeAndFlush(head);
        EventStreamWriter writer = new EventStreamWriter(ctx);
        Runnable onClose = response.stream().open(writer);
        ctx.channel().closeFuture().addListener(closed -> {
            writer.close();
            onClose.run();
        });
    }

    private void answer(ChannelHandlerContext ctx, Incoming incoming, String route, ApiResponse response) {
        if (response.socket() != null && incoming.rejection() == null) {
            upgrade(ctx, incoming, route, response.socket());
            return;
        }
        if (response.stream() != null && incoming.rejection() == null) {
            stream(ctx, incoming, route, response);
            return;
        }
        if (response.file() != null && incoming.rejection() == null) {
            sendFile(ctx, incoming, route, response);
            return;
        }
        if (response.file() != null) {
            discard(response.file());
        }
        boolean keepAlive = incoming.keepAlive() && incoming.rejection() == null;
        boolean head = incoming.request() != null && incoming.request().method().equals(HttpMethod.HEAD);
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(),
                head || response.body().length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
        HttpHeaders headers = http.headers();
        if (response.contentType() != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        }
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        SecurityHeaders.apply(headers, secure);
        response.headers().forEach(headers::set);
        headers.set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        observer.observe(incoming.method(), route, response.status().code(), System.nanoTime() - incoming.startNanos());
        if (!keepAlive) {
            closing = true;
            pending.clear();
            if (incoming.rejection() != null) {
                ctx.writeAndFlush(http).addListener(written -> lingerThenClose(ctx));
            } else {
                ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        ctx.writeAndFlush(http);
        next(ctx);
    }

    /**
     * Writes the head, then the file part as a {@link io.netty.channel.DefaultFileRegion}: the NIO
     * transport hands it to the kernel (sendfile), so the bytes never enter the heap. The region
     * closes the file when written or when the connection fails.
     */
    private void sendFile(ChannelHandlerContext ctx, Incoming incoming, String route, ApiResponse response) {
        ApiResponse.FilePart part = response.file();
        boolean keepAlive = incoming.keepAlive();
        boolean head = incoming.request().method().equals(HttpMethod.HEAD);
        DefaultHttpResponse start = new DefaultHttpResponse(
                HttpVersion.HTTP_1_1, response.status());
        HttpHeaders headers = start.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        headers.set(HttpHeaderNames.CONTENT_LENGTH, part.length());
        SecurityHeaders.apply(headers, secure);
        response.headers().forEach(headers::set);
        headers.set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        observer.observe(incoming.method(), route, response.status().code(), System.nanoTime() - incoming.startNanos());
        ctx.write(start);
        if (!head && part.length() > 0) {
            if (ctx.pipeline().get(SslHandler.class) != null) {
                try {
                    ctx.write(new ChunkedFile(new RandomAccessFile(part.path().toFile(),
                            "r"), part.offset(), part.length(), 64 * 1024));
                } catch (IOException e) { // the file went between the handler's check and now
                    LOG.warn("cannot send {}: {}", part.path(), e.getMessage());
                    discard(part);
                    ctx.close();
                    return;
                }
            } else {
                ctx.write(new DefaultFileRegion(part.path().toFile(), part.offset(), part.length()));
            }
        }
        ChannelFuture done = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (part.temporary()) {
            done.addListener(sent -> discard(part)); // sent or failed, the file's work is over
        }
        if (!keepAlive) {
            closing = true;
            pending.clear();
            done.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        next(ctx);
    }

    /** Deletes a file made for one answer; a failure is logged, the file left for the next start's sweep. */
    private static void discard(ApiResponse.FilePart part) {
        if (!part.temporary()) {
            return;
        }
        try {
            Files.deleteIfExists(part.path());
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", part.path(), e.getMessage());
        }
    }

    /**
     * After refusing a request whose body may still be arriving: closing at once would make the
     * kernel reset the connection, and a client still sending would lose the answer. So the output
     * is shut (the client reads the whole answer and end of stream), input keeps being read and
     * discarded by {@link RequestReader}, and the connection is closed after a short grace period.
     */
    private static void lingerThenClose(ChannelHandlerContext ctx) {
        if (ctx.channel() instanceof SocketChannel socket && socket.isActive()) {
            socket.shutdownOutput();
            ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            ctx.close();
        }
    }

    private void closeAfterWrites(ChannelHandlerContext ctx) {
        closing = true;
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof ChannelInputShutdownEvent) {
            // a client may send its request and shut its side at once (a half-close, which HTTP allows; the
            // tests do it with a raw socket): it still gets its answers; a request cut short was refused by the reader
            inputEnded = true;
            if (streaming) {
                // A stream never finishes on its own, so a client that ended its side is done with it;
                // left open, it would be found gone only by a heartbeat failing, 20 to 40 s later.
                ctx.close();
                return;
            }
            if (!busy && pending.isEmpty() && !closing) {
                closeAfterWrites(ctx);
            }
            return;
        }
        if (evt instanceof IdleStateEvent) {
            RequestReader reader = ctx.pipeline().get(RequestReader.class);
            if (!busy && !closing && pending.isEmpty() && (reader == null || !reader.reading())) {
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets and half-closed sockets are routine with thousands of clients: not worth a warning.
        LOG.debug("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
