package org.wardnet.simulator.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import io.netty.handler.codec.rtsp.RtspVersions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.wardnet.simulator.camera.CameraDigest;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.camera.SimulatedCamera;

/**
 * One client connection to a simulated camera: answers OPTIONS, DESCRIBE, SETUP (TCP interleaved
 * only), PLAY, GET_PARAMETER and TEARDOWN, asks for Digest credentials (no qop) on every request,
 * and streams the clip in real time after PLAY, dropping frames rather than queueing when the
 * client reads too slowly. The camera's fault decides how it misbehaves.
 */
public final class SimulatedRtspHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final SimulatedCamera camera;
    private final H264Clip clip;
    private final CameraDigest digest;
    private final String session = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    private Streamer streamer;

    public SimulatedRtspHandler(SimulatedCamera camera, H264Clip clip) {
        this.camera = camera;
        this.clip = clip;
        this.digest = new CameraDigest(camera);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        CameraFault fault = camera.fault();
        if (fault == CameraFault.DOWN) {
            return; // accepted, never answered
        }
        if (fault == CameraFault.MALFORMED) {
            ctx.writeAndFlush(Unpooled.copiedBuffer("\u0000\u0013garbled reply\r\n\r\n", StandardCharsets.ISO_8859_1))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        FullHttpResponse response = answer(ctx, request);
        if (fault == CameraFault.SLOW) {
            ctx.executor().schedule(() -> send(ctx, response), camera.latencyMillis(), TimeUnit.MILLISECONDS);
        } else {
            send(ctx, response);
        }
    }

    private void send(ChannelHandlerContext ctx, FullHttpResponse response) {
        boolean close = "TEARDOWN".equals(response.headers().get("X-Method"));
        boolean play = "PLAY".equals(response.headers().get("X-Method")) && response.status().code() == 200;
        response.headers().remove("X-Method");
        response.headers().setInt("Content-Length", response.content().readableBytes());
        if (close) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(response);
        if (play && camera.fault() != CameraFault.STALLED_MEDIA && streamer == null) {
            streamer = new Streamer(ctx, clip, () -> camera.fault() == CameraFault.NO_KEY_FRAMES);
            streamer.start();
            camera.streamStarted();
        }
    }

    private FullHttpResponse answer(ChannelHandlerContext ctx, FullHttpRequest request) {
        String method = request.method().name();
        FullHttpResponse response = respond(request, HttpResponseStatus.OK, null);
        response.headers().set("X-Method", method);
        CameraDigest.Check check = digest.check(method, request.headers().get("Authorization"));
        if (!check.authorized()) {
            response.setStatus(HttpResponseStatus.UNAUTHORIZED);
            response.headers().set("WWW-Authenticate", digest.challenge(check.stale()));
            return response;
        }
        String path = pathOf(request.uri());
        boolean known = camera.paths().stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
        if (!method.equals("OPTIONS") && !known) {
            response.setStatus(HttpResponseStatus.NOT_FOUND);
            return response;
        }
        switch (method) {
            case "OPTIONS" -> response.headers().set("Public",
                    "OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN");
            case "DESCRIBE" -> {
                byte[] sdp = sdp(request.uri()).getBytes(StandardCharsets.UTF_8);
                response.headers().set("Content-Type", "application/sdp").set("Content-Base", base(request.uri()));
                response.content().writeBytes(sdp);
            }
            case "SETUP" -> {
                String transport = request.headers().get("Transport", "");
                if (!transport.contains("RTP/AVP/TCP")) {
                    response.setStatus(RtspResponseStatuses.UNSUPPORTED_TRANSPORT);
                    return response;
                }
                response.headers().set("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")
                        .set("Session", session + ";timeout=60");
            }
            case "PLAY" -> response.headers().set("Session", session).set("Range", "npt=0.000-");
            case "GET_PARAMETER", "TEARDOWN" -> response.headers().set("Session", session);
            default -> response.setStatus(RtspResponseStatuses.NOT_IMPLEMENTED);
        }
        return response;
    }

    private FullHttpResponse respond(FullHttpRequest request, HttpResponseStatus status, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, status,
                body == null ? Unpooled.buffer(0) : body);
        String cseq = request.headers().get("CSeq");
        if (cseq != null) {
            response.headers().set("CSeq", cseq);
        }
        response.headers().set("Server", "Wardnet simulator")
                .set("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)
                        .plusSeconds(camera.fault() == CameraFault.CLOCK_SKEW ? camera.clockSkewSeconds() : 0)));
        return response;
    }

    private String sdp(String uri) {
        return "v=0\r\n"
                + "o=- 0 0 IN IP4 " + camera.host() + "\r\n"
                + "s=Wardnet simulated camera " + camera.id() + "\r\n"
                + "t=0 0\r\n"
                + "a=control:*\r\n"
                + "m=video 0 RTP/AVP 96\r\n"
                + "c=IN IP4 0.0.0.0\r\n"
                + "a=recvonly\r\n"
                + "a=rtpmap:96 H264/90000\r\n"
                + "a=fmtp:96 packetization-mode=1;profile-level-id=" + clip.profileLevelId()
                + ";sprop-parameter-sets=" + clip.spropParameterSets() + "\r\n"
                + "a=framerate:" + clip.framesPerSecond() + "\r\n"
                + "a=control:trackID=1\r\n";
    }

    private static String base(String uri) {
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static String pathOf(String uri) {
        try {
            URI parsed = URI.create(uri);
            return parsed.getRawPath() == null ? uri : SimulatedCamera.pathOf(parsed);
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (streamer != null) {
            streamer.stop();
            camera.streamStopped();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a client that resets mid-stream is routine
    }
}
