package org.wardnet.adapters.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import io.netty.handler.codec.rtsp.RtspVersions;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.wardnet.adapters.rtsp.InterleavedFrame;

/**
 * One client connection to the relay's RTSP server, watching one stream: OPTIONS; DESCRIBE
 * (admitted by the {@link LiveGate}, answered with the relay's SDP); SETUP over TCP interleaved
 * only (461 otherwise); PLAY; GET_PARAMETER and SET_PARAMETER as keep-alives; TEARDOWN. Requests
 * out of order are refused with 455 and say what comes first; an unreadable request gets 400 and
 * the connection is closed.
 *
 * <p>As a {@link LiveConsumer} it writes each picture as one buffer. A picture the connection
 * cannot take (its write buffer over the high-water mark) is dropped, and so is everything up to
 * the next key frame; a connection that takes nothing for {@code slowConsumerMillis} is closed.
 * Memory per session is bounded by the channel's write-buffer high-water mark plus one picture.
 */
final class RelayRtspSession extends ChannelInboundHandlerAdapter implements LiveConsumer {

    private static final String PUBLIC = "OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, SET_PARAMETER, TEARDOWN";

    private final LiveRelay relay;
    private final LiveGate gate;
    private final RelayMeters meters;
    private final long slowConsumerNanos;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder droppedPictures = new LongAdder();
    private ChannelHandlerContext ctx;
    /** Where pictures are written: below the RTSP encoder when the pipeline has an {@link RtpOutlet}. */
    private ChannelHandlerContext media;
    private LiveGate.Admission admission;
    private LiveTap tap;
    private RelayedStream stream;
    private String session;
    private int interleaved;
    private boolean playing;
    private volatile boolean waitForKeyFrame;
    private volatile long unwritableSince;
    private int pictures;

    RelayRtspSession(LiveRelay relay, LiveGate gate) {
        this.relay = relay;
        this.gate = gate;
        this.meters = relay.meters();
        this.slowConsumerNanos = relay.settings().slowConsumerMillis() * 1_000_000L;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        ChannelHandlerContext outlet = ctx.pipeline().context(RtpOutlet.class);
        this.media = outlet != null ? outlet : ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof FullHttpRequest request) {
                if (request.decoderResult().isFailure()) {
                    answer(null, status(HttpResponseStatus.BAD_REQUEST, "not an RTSP request: "
                            + request.decoderResult().cause().getMessage())).addListener(ChannelFutureListener.CLOSE);
                } else {
                    handle(request);
                }
            } else if (!(msg instanceof InterleavedFrame)) {
                // RTCP from the client (InterleavedFrame) is dropped; anything else is not RTSP
                answer(null, status(HttpResponseStatus.BAD_REQUEST, "not an RTSP request"))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void handle(FullHttpRequest request) {
        String cseq = request.headers().get("CSeq");
        String method = request.method().name();
        switch (method) {
            case "OPTIONS" -> {
                FullHttpResponse ok = status(HttpResponseStatus.OK, null);
                ok.headers().set("Public", PUBLIC);
                answer(cseq, ok);
            }
            case "DESCRIBE" -> describe(cseq, request);
            case "SETUP" -> setup(cseq, request);
            case "PLAY" -> play(cseq, request);
            case "GET_PARAMETER", "SET_PARAMETER" -> answer(cseq, withSession(status(HttpResponseStatus.OK, null)));
            case "TEARDOWN" -> answer(cseq, withSession(status(HttpResponseStatus.OK, null)))
                    .addListener(ChannelFutureListener.CLOSE);
            default -> answer(cseq, status(RtspResponseStatuses.NOT_IMPLEMENTED, method
                    + " is not offered on a live stream; methods: " + PUBLIC));
        }
    }

    private void describe(String cseq, FullHttpRequest request) {
        LivePath path = LivePath.parse(request.uri());
        if (path == null) {
            answer(cseq, status(HttpResponseStatus.NOT_FOUND, "live streams are at /live/{cameraId} and"
                    + " /live/{cameraId}/sub"));
            return;
        }
        if (tap != null) {
            if (tap.key().equals(path.stream()) && stream != null) {
                answer(cseq, sdpAnswer(request.uri()));
            } else {
                answer(cseq, status(RtspResponseStatuses.METHOD_NOT_VALID, "this connection watches " + tap.key()
                        + "; open another connection for another stream"));
            }
            return;
        }
        String uri = request.uri();
        ctx.channel().config().setAutoRead(false); // one request at a time while the gate and the camera answer
        gate.admit(new LiveGate.Request(path.stream(), request.headers().get("Authorization"), path.ticket(),
                remoteAddress(), "rtsp")).whenComplete((admitted, error) -> ctx.executor().execute(() -> {
                    if (error != null) {
                        refuse(cseq, error);
                        return;
                    }
                    if (ended.get() || !ctx.channel().isActive()) {
                        admitted.end().ended(0, 0, "the client left before the stream was described");
                        return;
                    }
                    admission = admitted;
                    try {
                        tap = relay.open(path.stream(), admitted.source());
                    } catch (LiveRefusal refusal) {
                        refuse(cseq, refusal);
                        end(refusal.getMessage());
                        return;
                    }
                    tap.described().whenComplete((described, failed) -> ctx.executor().execute(() -> {
                        if (failed != null) {
                            refuse(cseq, failed);
                            end(String.valueOf(unwrap(failed).getMessage()));
                            return;
                        }
                        stream = described;
                        ctx.channel().config().setAutoRead(true);
                        answer(cseq, sdpAnswer(uri));
                    }));
                }));
    }

    private FullHttpResponse sdpAnswer(String uri) {
        FullHttpResponse ok = status(HttpResponseStatus.OK, null);
        String base = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        ok.headers().set("Content-Type", "application/sdp").set("Content-Base", base.endsWith("/") ? base : base + "/");
        ok.content().writeBytes(stream.sdp().getBytes(StandardCharsets.UTF_8));
        return ok;
    }

    private void setup(String cseq, FullHttpRequest request) {
        if (stream == null) {
            answer(cseq, status(RtspResponseStatuses.METHOD_NOT_VALID, "DESCRIBE the stream first"));
            return;
        }
        String transport = request.headers().get("Transport", "");
        int channel = interleavedChannel(transport);
        if (channel < 0) {
            answer(cseq, status(RtspResponseStatuses.UNSUPPORTED_TRANSPORT,
                    "only RTP/AVP/TCP (interleaved) is offered; asked: " + transport));
            return;
        }
        interleaved = channel;
        if (session == null) {
            session = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        }
        FullHttpResponse ok = status(HttpResponseStatus.OK, null);
        ok.headers().set("Transport", "RTP/AVP/TCP;unicast;interleaved=" + channel + "-" + (channel + 1))
                .set("Session", session + ";timeout=60");
        answer(cseq, ok);
    }

    /** The first channel of an interleaved TCP transport (0 when not given), or -1 when another transport is asked. */
    static int interleavedChannel(String transport) {
        for (String option : transport.split(",")) {
            String[] parts = option.strip().split(";");
            if (!parts[0].strip().toUpperCase(Locale.ROOT).equals("RTP/AVP/TCP")) {
                continue;
            }
            for (String part : parts) {
                String p = part.strip();
                if (p.regionMatches(true, 0, "interleaved=", 0, 12)) {
                    try {
                        int first = Integer.parseInt(p.substring(12).split("-")[0].strip());
                        return first >= 0 && first <= 254 ? first : -1;
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
            return 0;
        }
        return -1;
    }

    private void play(String cseq, FullHttpRequest request) {
        if (session == null) {
            answer(cseq, status(RtspResponseStatuses.METHOD_NOT_VALID, stream == null ? "DESCRIBE and SETUP first"
                    : "SETUP first"));
            return;
        }
        String asked = request.headers().get("Session");
        if (asked == null || !asked.split(";")[0].strip().equals(session)) {
            answer(cseq, status(RtspResponseStatuses.SESSION_NOT_FOUND, "no session " + asked + " on this connection"));
            return;
        }
        FullHttpResponse ok = withSession(status(HttpResponseStatus.OK, null));
        ok.headers().set("Range", "npt=now-");
        boolean first = !playing;
        playing = true;
        answer(cseq, ok).addListener(written -> {
            if (first && written.isSuccess()) {
                tap.play(this); // after the answer: no RTP may precede it on the connection
            }
        });
    }

    private void refuse(String cseq, Throwable error) {
        Throwable cause = unwrap(error);
        ctx.channel().config().setAutoRead(true);
        if (cause instanceof LiveRefusal refusal) {
            FullHttpResponse answer = status(HttpResponseStatus.valueOf(refusal.status()), refusal.getMessage());
            if (refusal.status() == 401) {
                answer.headers().set("WWW-Authenticate", "Basic realm=\"Wardnet live\"");
            }
            answer(cseq, answer);
        } else {
            answer(cseq, status(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the stream could not be opened"));
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    // --- LiveConsumer: called on the upstream's event loop ---

    @Override
    public void frame(List<ByteBuf> packets, boolean keyFrame, long arrivalNanos) {
        Channel channel = ctx.channel();
        if (!channel.isActive() || (waitForKeyFrame && !keyFrame)) {
            if (channel.isActive()) {
                droppedPictures.increment();
                meters.dropped.increment();
            }
            packets.forEach(ReferenceCountUtil::release);
            return;
        }
        if (!channel.isWritable()) {
            long now = System.nanoTime();
            if (unwritableSince == 0) {
                unwritableSince = now;
            } else if (now - unwritableSince > slowConsumerNanos) {
                meters.slowDisconnects.increment();
                end("the client read too slowly");
                channel.close();
            }
            waitForKeyFrame = true;
            droppedPictures.increment();
            meters.dropped.increment();
            packets.forEach(ReferenceCountUtil::release);
            return;
        }
        unwritableSince = 0;
        waitForKeyFrame = false;
        CompositeByteBuf picture = channel.alloc().compositeDirectBuffer(packets.size());
        for (ByteBuf packet : packets) {
            picture.addComponent(true, interleaved == 0 ? packet : onChannel(packet));
        }
        int bytes = picture.readableBytes();
        bytesSent.add(bytes);
        meters.bytesOut.add(bytes);
        if ((++pictures & 7) == 0) { // the delay is sampled: a listener on every write costs more than it tells
            media.writeAndFlush(picture).addListener(written -> {
                if (written.isSuccess()) {
                    meters.latency(System.nanoTime() - arrivalNanos);
                }
            });
        } else {
            media.writeAndFlush(picture, channel.voidPromise());
        }
    }

    @Override
    public EventExecutor executor() {
        return ctx.executor();
    }

    /** A packet on the interleaved channel the client chose (the shared one says 0): a copy. */
    private ByteBuf onChannel(ByteBuf packet) {
        ByteBuf copy = Unpooled.directBuffer(packet.readableBytes()).writeBytes(packet);
        packet.release();
        return copy.setByte(1, interleaved);
    }

    @Override
    public void upstreamLost(String reason) {
        waitForKeyFrame = true; // the next pictures come from a new connection to the camera
    }

    @Override
    public void streamEnded(String reason) {
        end(reason);
        ctx.channel().close();
    }

    // --- the connection's end ---

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent && !playing) {
            ctx.close(); // connected and silent: a half-open client or a port scan
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        end("the client disconnected");
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        end("connection error: " + cause.getMessage());
        ctx.close();
    }

    /** Releases the tap and tells the gate, once. */
    private void end(String reason) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (tap != null) {
            tap.close();
        }
        if (admission != null) {
            admission.end().ended(bytesSent.sum(), droppedPictures.sum(), reason);
        }
    }

    private FullHttpResponse status(HttpResponseStatus status, String explanation) {
        FullHttpResponse response = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, status, Unpooled.buffer(0));
        if (explanation != null) {
            response.content().writeBytes((explanation + "\r\n").getBytes(StandardCharsets.UTF_8));
            response.headers().set("Content-Type", "text/plain; charset=utf-8");
        }
        return response;
    }

    private FullHttpResponse withSession(FullHttpResponse response) {
        if (session != null) {
            response.headers().set("Session", session);
        }
        return response;
    }

    private io.netty.channel.ChannelFuture answer(String cseq, FullHttpResponse response) {
        if (cseq != null) {
            response.headers().set("CSeq", cseq);
        }
        response.headers().set("Server", "Wardnet").setInt("Content-Length", response.content().readableBytes());
        return ctx.writeAndFlush(response);
    }

    private String remoteAddress() {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
    }
}
