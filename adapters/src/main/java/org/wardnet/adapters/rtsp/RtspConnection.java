package org.wardnet.adapters.rtsp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.rtsp.RtspVersions;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.wardnet.adapters.auth.DigestAuthenticator;
import org.wardnet.core.health.ProbeErrorClass;

/**
 * One RTSP connection on the client side: sends one request at a time with its CSeq, matches the
 * answer by CSeq (a missing or different one is {@code MALFORMED}), answers 401 challenges
 * (at most twice, or again only when the server says the nonce was stale), keeps the Session
 * header, times each request out, and hands interleaved frames to a listener.
 *
 * <p>All state is touched on the channel's event loop only.
 */
final class RtspConnection extends ChannelInboundHandlerAdapter {

    private static final String USER_AGENT = "Wardnet";

    private final DigestAuthenticator auth;
    private final long timeoutMillis;
    private Channel channel;
    private int cseq;
    private Pending pending;
    private String session;
    private Consumer<InterleavedFrame> frames = frame -> { };

    private record Pending(int cseq, HttpMethod method, String uri, Map<String, String> headers, int authAttempts,
            CompletableFuture<RtspResponse> result, ScheduledFuture<?> timer) {
    }

    /**
     * @param username  null or empty when no credentials are configured
     * @param challenge a Digest challenge from an earlier connection to this server, or null
     */
    RtspConnection(String username, String password, long timeoutMillis, Map<String, String> challenge) {
        this.auth = username == null || username.isEmpty() ? null : new DigestAuthenticator(username, password);
        if (auth != null) {
            auth.prime(challenge);
        }
        this.timeoutMillis = timeoutMillis;
    }

    /** The Digest challenge this connection ended with, to prime the next one; null when none. */
    Map<String, String> challenge() {
        return auth == null ? null : auth.digestChallenge();
    }

    void onFrames(Consumer<InterleavedFrame> listener) {
        channel.eventLoop().execute(() -> this.frames = listener);
    }

    String session() {
        return session;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // Not channelActive: Netty completes the connect future before it fires channelActive,
        // and the first request is sent from that future's listener.
        channel = ctx.channel();
    }

    /** Sends a request; the future completes on the event loop with a 2xx/3xx answer or an {@link RtspFailure}. */
    CompletableFuture<RtspResponse> send(HttpMethod method, String uri, Map<String, String> headers) {
        CompletableFuture<RtspResponse> result = new CompletableFuture<>();
        channel.eventLoop().execute(() -> write(method, uri, headers, 0, result));
        return result;
    }

    private void write(HttpMethod method, String uri, Map<String, String> headers, int authAttempts,
            CompletableFuture<RtspResponse> result) {
        if (pending != null) {
            result.completeExceptionally(new IllegalStateException("one request at a time"));
            return;
        }
        if (!channel.isActive()) {
            result.completeExceptionally(new RtspFailure(ProbeErrorClass.CLOSED, "the connection is closed"));
            return;
        }
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(RtspVersions.RTSP_1_0, method, uri);
        int sequence = ++cseq;
        request.headers().set("CSeq", sequence).set("User-Agent", USER_AGENT);
        headers.forEach(request.headers()::set);
        if (session != null) {
            request.headers().set("Session", session);
        }
        if (auth != null && auth.ready()) {
            request.headers().set("Authorization", auth.authorization(method.name(), uri));
        }
        ScheduledFuture<?> timer = channel.eventLoop().schedule(() -> fail(new RtspFailure(ProbeErrorClass.TIMEOUT,
                method + " got no answer within " + timeoutMillis + " ms")), timeoutMillis, TimeUnit.MILLISECONDS);
        pending = new Pending(sequence, method, uri, headers, authAttempts, result, timer);
        channel.writeAndFlush(request).addListener(written -> {
            if (!written.isSuccess()) {
                fail(new RtspFailure(ProbeErrorClass.CLOSED, "could not send " + method + ": " + written.cause()));
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof InterleavedFrame frame) {
                frames.accept(frame); // valid only during the call: released below
            } else if (msg instanceof FullHttpResponse response) {
                answer(response);
            } else if (msg instanceof HttpObject other && other.decoderResult().isFailure()) {
                fail(new RtspFailure(ProbeErrorClass.MALFORMED, "not an RTSP response: "
                        + other.decoderResult().cause().getMessage()));
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void answer(FullHttpResponse response) {
        if (response.decoderResult().isFailure()) {
            fail(new RtspFailure(ProbeErrorClass.MALFORMED, "not an RTSP response: "
                    + response.decoderResult().cause().getMessage()));
            return;
        }
        Pending current = pending;
        if (current == null) {
            return; // an answer nobody waits for (a late one after a timeout): dropped
        }
        String answeredCseq = response.headers().get("CSeq");
        if (answeredCseq == null || !answeredCseq.strip().equals(Integer.toString(current.cseq()))) {
            fail(new RtspFailure(ProbeErrorClass.MALFORMED, answeredCseq == null
                    ? current.method() + " answered without a CSeq"
                    : current.method() + " answered with CSeq " + answeredCseq.strip() + ", " + current.cseq() + " expected"));
            return;
        }
        RtspResponse answer = new RtspResponse(response.status().code(), response.status().reasonPhrase(),
                response.headers().copy(), response.content().toString(StandardCharsets.UTF_8));
        if (answer.status() == 401) {
            retryWithCredentials(current, answer);
            return;
        }
        String sessionHeader = answer.header("Session");
        if (sessionHeader != null) {
            session = sessionHeader.split(";")[0].strip();
        }
        finish(current);
        if (answer.status() >= 400) {
            current.result().completeExceptionally(new RtspFailure(answer.status() == 404 || answer.status() == 405
                    || answer.status() == 501 ? ProbeErrorClass.NOT_FOUND : ProbeErrorClass.SERVER_ERROR,
                    current.method() + " answered " + answer.status() + " " + answer.reason(), answer.status()));
        } else {
            current.result().complete(answer);
        }
    }

    private void retryWithCredentials(Pending current, RtspResponse answer) {
        finish(current);
        if (auth == null) {
            current.result().completeExceptionally(new RtspFailure(ProbeErrorClass.AUTH_FAILED,
                    current.method() + " needs credentials and none are configured"));
            return;
        }
        boolean understood = auth.challenge(answer.all("WWW-Authenticate"));
        boolean again = current.authAttempts() == 0 || (current.authAttempts() < 3 && auth.stale());
        if (!understood || !again) {
            current.result().completeExceptionally(new RtspFailure(ProbeErrorClass.AUTH_FAILED, understood
                    ? "the credentials were refused (" + current.method() + " answered 401 again)"
                    : "no supported authentication scheme offered: " + answer.all("WWW-Authenticate")));
            return;
        }
        write(current.method(), current.uri(), current.headers(), current.authAttempts() + 1, current.result());
    }

    private void finish(Pending current) {
        current.timer().cancel(false);
        pending = null;
    }

    private void fail(RtspFailure failure) {
        Pending current = pending;
        if (current != null) {
            finish(current);
            current.result().completeExceptionally(failure);
        }
        if (failure.errorClass() != ProbeErrorClass.TIMEOUT) {
            channel.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ProbeErrorClass kind = cause instanceof TooLongFrameException
                || cause instanceof DecoderException ? ProbeErrorClass.MALFORMED
                : ProbeErrorClass.CLOSED;
        fail(new RtspFailure(kind, cause.getMessage() == null ? cause.toString() : cause.getMessage()));
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fail(new RtspFailure(ProbeErrorClass.CLOSED, "the server closed the connection before answering"));
        super.channelInactive(ctx);
    }
}
