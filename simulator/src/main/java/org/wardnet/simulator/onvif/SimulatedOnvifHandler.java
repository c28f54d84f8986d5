package org.wardnet.simulator.onvif;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.wardnet.adapters.onvif.OnvifException;
import org.wardnet.adapters.onvif.XmlElement;
import org.wardnet.simulator.camera.CameraDigest;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.camera.OnvifVariant;

/**
 * The ONVIF web side of one simulated camera connection: the device service, Media and Media2 as
 * its variant offers them, and a snapshot JPEG. Operations other than the pre-authentication ones
 * (GetSystemDateAndTime, GetCapabilities, GetServices) need a valid UsernameToken, or HTTP Digest
 * for the {@link OnvifVariant#HTTP_DIGEST} variant; the snapshot always takes HTTP Digest. The
 * camera's fault decides how it misbehaves.
 */
final class SimulatedOnvifHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Set<String> PRE_AUTH = Set.of("GetSystemDateAndTime", "GetCapabilities", "GetServices");
    private static final int OVERSIZED_BYTES = 4 * 1024 * 1024;

    private final SimulatedCamera camera;
    private final SimulatedOnvif onvif;
    private final CameraDigest digest;

    SimulatedOnvifHandler(SimulatedCamera camera, SimulatedOnvif onvif) {
        this.camera = camera;
        this.onvif = onvif;
        this.digest = new CameraDigest(camera);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        CameraFault fault = camera.fault();
        if (fault == CameraFault.DOWN) {
            return; // accepted, never answered
        }
        onvif.countRequest();
        FullHttpResponse response = answer(request, fault);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.SERVER, "Wardnet simulator");
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (fault == CameraFault.SLOW) {
            ctx.executor().schedule(() -> send(ctx, response, keepAlive), camera.latencyMillis(), TimeUnit.MILLISECONDS);
        } else {
            send(ctx, response, keepAlive);
        }
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private FullHttpResponse answer(FullHttpRequest request, CameraFault fault) {
        if (fault == CameraFault.HTML_ERROR) {
            return reply(HttpResponseStatus.INTERNAL_SERVER_ERROR, "text/html",
                    "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>"
                            + "<body><h1>Internal Server Error</h1></body></html>");
        }
        if (fault == CameraFault.MALFORMED) {
            return reply(HttpResponseStatus.OK, "application/soap+xml", "<env:Envelope><env:Body><broken");
        }
        String path = request.uri();
        if (request.method().equals(HttpMethod.GET) && path.startsWith("/onvif/snapshot.jpg")) {
            return snapshot(request);
        }
        if (!request.method().equals(HttpMethod.POST)) {
            return reply(HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", "POST SOAP requests here");
        }
        SimulatedOnvifReplies replies = new SimulatedOnvifReplies(camera);
        XmlElement envelope;
        try {
            envelope = onvif.reader().read(ByteBufUtil.getBytes(request.content()));
        } catch (OnvifException e) {
            return soap(HttpResponseStatus.BAD_REQUEST, replies.fault("Sender", "WellFormed", "request is not well-formed"));
        }
        XmlElement operation = envelope.child("Body").filter(b -> !b.children().isEmpty()).map(b -> b.children().get(0))
                .orElse(null);
        if (operation == null) {
            return soap(HttpResponseStatus.BAD_REQUEST, replies.fault("Sender", "InvalidArgs", "empty Body"));
        }
        OnvifVariant variant = camera.persona().variant();
        Instant cameraNow = Instant.now().plusSeconds(fault == CameraFault.CLOCK_SKEW ? camera.clockSkewSeconds() : 0);
        if (!PRE_AUTH.contains(operation.name())) {
            if (variant.httpDigest()) {
                CameraDigest.Check check = digest.check("POST", request.headers().get(HttpHeaderNames.AUTHORIZATION));
                if (!check.authorized()) {
                    return challenge(check);
                }
            } else {
                ReplayGuard.Refusal refusal = onvif.guard(camera.id()).check(envelope, camera.username(),
                        camera.acceptedPassword(), cameraNow);
                if (refusal != null) {
                    onvif.countRefusal(refusal);
                    return soap(HttpResponseStatus.BAD_REQUEST, replies.fault("Sender", "NotAuthorized",
                            "Sender not authorized"));
                }
            }
        }
        if ((path.startsWith("/onvif/media_service") && !variant.media())
                || (path.startsWith("/onvif/media2_service") && !variant.media2())) {
            return reply(HttpResponseStatus.NOT_FOUND, "text/plain", "no such service");
        }
        if (path.startsWith("/onvif/media2_service") && fault == CameraFault.MEDIA2_BROKEN) {
            return soap(HttpResponseStatus.INTERNAL_SERVER_ERROR, replies.fault("Receiver", "Action", "Action failed"));
        }
        String body = dispatch(path, operation, replies, cameraNow, fault);
        if (fault == CameraFault.OVERSIZED && body != null) {
            body = body.replace("</env:Body>", "<!--" + "x".repeat(OVERSIZED_BYTES) + "--></env:Body>")
                    .replace("</s:Body>", "<!--" + "x".repeat(OVERSIZED_BYTES) + "--></s:Body>")
                    .replace("</SOAP-ENV:Body>", "<!--" + "x".repeat(OVERSIZED_BYTES) + "--></SOAP-ENV:Body>");
        }
        if (body == null) {
            return soap(HttpResponseStatus.BAD_REQUEST, replies.fault("Receiver", "ActionNotSupported",
                    "Optional Action Not Implemented"));
        }
        if (body.startsWith("!")) { // an invalid argument
            return soap(HttpResponseStatus.BAD_REQUEST, replies.fault("Sender", "InvalidArgVal", body.substring(1)));
        }
        return soap(HttpResponseStatus.OK, body);
    }

    /** The reply body for an operation at a service path; null when not supported, "!reason" for a bad argument. */
    private static String dispatch(String path, XmlElement operation, SimulatedOnvifReplies replies, Instant cameraNow,
            CameraFault fault) {
        boolean media = path.startsWith("/onvif/media_service");
        boolean media2 = path.startsWith("/onvif/media2_service");
        String name = operation.name();
        if (path.startsWith("/onvif/device_service")) {
            return switch (name) {
                case "GetSystemDateAndTime" -> replies.systemDateAndTime(cameraNow);
                case "GetDeviceInformation" -> replies.deviceInformation();
                case "GetCapabilities" -> replies.capabilities();
                case "GetServices" -> replies.services();
                case "GetScopes" -> replies.scopes();
                default -> null;
            };
        }
        if (media || media2) {
            String token = operation.textAt("ProfileToken");
            return switch (name) {
                case "GetProfiles" -> replies.profiles(media2, fault == CameraFault.NO_PROFILES);
                case "GetVideoSources" -> media ? replies.videoSources() : null;
                case "GetStreamUri" -> {
                    String streamPath = token == null ? null : replies.pathOf(token);
                    yield streamPath == null ? "!no profile '" + token + "'" : replies.streamUri(media2, streamPath);
                }
                case "GetSnapshotUri" -> token == null || replies.pathOf(token) == null ? "!no profile '" + token + "'"
                        : replies.snapshotUri(media2);
                default -> null;
            };
        }
        return null;
    }

    private FullHttpResponse snapshot(FullHttpRequest request) {
        CameraDigest.Check check = digest.check("GET", request.headers().get(HttpHeaderNames.AUTHORIZATION));
        if (!check.authorized()) {
            return challenge(check);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(onvif.snapshotJpeg()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "image/jpeg");
        return response;
    }

    /** A 401 asking for HTTP Digest, stale when the client's nonce had expired. */
    private FullHttpResponse challenge(CameraDigest.Check check) {
        FullHttpResponse challenge = reply(HttpResponseStatus.UNAUTHORIZED, "text/plain", "401 Unauthorized");
        challenge.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, digest.challenge(check.stale()));
        return challenge;
    }

    private FullHttpResponse soap(HttpResponseStatus status, String xml) {
        return reply(status, "application/soap+xml; charset=utf-8", xml);
    }

    private static FullHttpResponse reply(HttpResponseStatus status, String type, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
