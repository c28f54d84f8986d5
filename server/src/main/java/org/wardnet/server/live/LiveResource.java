package org.wardnet.server.live;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.wardnet.adapters.live.Fmp4Consumer;
import org.wardnet.adapters.live.LiveGate;
import org.wardnet.adapters.live.LiveRefusal;
import org.wardnet.adapters.live.LiveTap;
import org.wardnet.adapters.live.RelayMeters;
import org.wardnet.adapters.live.RelayedStream;
import org.wardnet.adapters.live.StreamKey;
import org.wardnet.adapters.live.UpstreamStats;
import org.wardnet.app.live.LiveSessions;
import org.wardnet.app.live.LiveTickets;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.registry.Registry;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.MediaSocket;
import org.wardnet.server.http.Problem;

/**
 * The live view over HTTP: a ticket URL for a camera's RTSP stream (for players that take no
 * password, and video walls), and the relay as ops see it: streams pulled, sessions open, what
 * was dropped. With {@code live.enabled=false} both answer 404 saying so.
 */
public final class LiveResource {

    private final LiveView live;
    private final Registry registry;
    private final JsonCodec json;

    /** @param live null when the live view is off */
    public LiveResource(LiveView live, Registry registry, JsonCodec json) {
        this.live = live;
        this.registry = registry;
        this.json = json;
    }

    /** POST /api/v1/cameras/{id}/live */
    public CompletableFuture<ApiResponse> ticket(ApiRequest request) {
        LiveView view = enabled();
        String cameraId = request.pathParam("id");
        LiveTickets.Ticket ticket = view.sessions().ticket(request.caller(), cameraId);
        String host = host(request);
        String query = "?ticket=" + URLEncoder.encode(ticket.value(), StandardCharsets.UTF_8);
        String base = "rtsp://" + host + ":" + view.rtspPort() + "/live/" + cameraId;
        boolean sub = hasSubStream(cameraId);
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(new TicketJson(
                cameraId, base + query, sub ? base + "/sub" + query : null, ticket.value(), ticket.expires()))));
    }

    /**
     * GET /api/v1/cameras/{id}/live with {@code Upgrade: websocket}: the camera's H.264 stream as
     * fragmented MP4 (see {@link Fmp4Consumer}), admitted by a ticket ({@code ?ticket=}) or a bearer
     * token; {@code ?stream=sub} for the sub stream (also taken, by itself, for a main stream that
     * is not H.264; failing that, an H.265 stream is transcoded to H.264 while fewer than
     * {@code live.maxTranscodes} are). Refusals come before the upgrade, as HTTP problems: 401, 404 (also outside the
     * caller's live scope), 415 (no H.264 stream, none transcoded), 426 (no upgrade asked), 502 (the camera cannot be
     * pulled), 503 (a limit reached).
     */
    public CompletableFuture<ApiResponse> socket(ApiRequest request) {
        LiveView view = enabled();
        if (!"websocket".equalsIgnoreCase(request.headers().get("Upgrade"))) {
            throw problem(426, "upgrade-required", "this is a WebSocket: connect with 'Upgrade: websocket' (a browser's"
                    + " new WebSocket(url)); POST this path for a ticket");
        }
        String stream = request.queryParam("stream");
        if (stream != null && !stream.equals("main") && !stream.equals("sub")) {
            throw problem(400, "bad-stream", "stream is main or sub, not '" + stream + "'");
        }
        return watch(view, new StreamKey(request.pathParam("id"), "sub".equals(stream)), request);
    }

    /**
     * Admits the viewer and opens the stream; a main stream browsers cannot decode (H.265) is
     * replaced by the camera's sub stream when it has one (a session of its own in the trail).
     */
    private CompletableFuture<ApiResponse> watch(LiveView view, StreamKey key, ApiRequest request) {
        return view.gate().admit(new LiveGate.Request(key, request.headers().get("Authorization"),
                request.queryParam("ticket"), request.remoteAddress(), "websocket"))
                .exceptionally(error -> {
                    throw refusal(error);
                })
                .thenCompose(admission -> {
                    LiveTap tap;
                    try {
                        tap = view.relay().open(key, admission.source());
                    } catch (LiveRefusal refused) {
                        admission.end().ended(0, 0, refused.getMessage());
                        throw refusal(refused);
                    }
                    return tap.described().handle((described, failed) -> {
                        if (failed == null && described.video().codec().equals("H264")) {
                            return CompletableFuture.completedFuture(
                                    ApiResponse.webSocket(new Viewer(tap, described, admission, view)));
                        }
                        tap.close();
                        if (failed != null) {
                            admission.end().ended(0, 0, String.valueOf(unwrap(failed).getMessage()));
                            throw refusal(failed);
                        }
                        String why = "the stream is " + described.video().codec() + ", which browsers cannot decode";
                        if (!key.sub() && hasSubStream(key.cameraId())) {
                            admission.end().ended(0, 0, why + "; switched to the sub stream");
                            return watch(view, new StreamKey(key.cameraId(), true), request);
                        }
                        if (described.video().codec().equals("H265") && view.relay().transcodes()) {
                            admission.end().ended(0, 0, why + "; switched to the stream transcoded to H.264");
                            return watch(view, key.asTranscoded(), request);
                        }
                        admission.end().ended(0, 0, why);
                        throw problem(415, "codec-not-playable", why + (key.sub() ? " (its sub stream neither)"
                                : " and the camera has no sub stream") + (described.video().codec().equals("H265")
                                ? "; transcoding is off (live.maxTranscodes is 0)" : "; only H.265 is transcoded"));
                    }).thenCompose(next -> next);
                });
    }

    private boolean hasSubStream(String cameraId) {
        return registry.camera(cameraId).map(c -> c.rtsp() != null && c.rtsp().subUrl() != null).orElse(false);
    }

    /** One browser viewer: the tap's pictures as fragmented MP4 on the WebSocket until either side leaves. */
    private record Viewer(LiveTap tap, RelayedStream stream, LiveGate.Admission admission, LiveView view)
            implements MediaSocket {

        @Override
        public int writeBufferBytes() {
            return view.writeBufferBytes();
        }

        @Override
        public Runnable open(MediaSocket.Sink sink) {
            Fmp4Consumer consumer = new Fmp4Consumer(stream.sdp(), new Fmp4Consumer.Sink() {
                @Override
                public void text(String message) {
                    sink.text(message);
                }

                @Override
                public void binary(io.netty.buffer.ByteBuf segment) {
                    sink.binary(segment);
                }

                @Override
                public boolean writable() {
                    return sink.writable();
                }

                @Override
                public void close(String reason) {
                    sink.close(false, reason);
                }
            }, view.relay().meters());
            tap.play(consumer);
            return () -> {
                tap.close();
                admission.end().ended(consumer.bytesSent(), consumer.dropped(), "the viewer left");
            };
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static RuntimeException refusal(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof LiveRefusal refused) {
            String code = switch (refused.status()) {
                case 401 -> "unauthenticated";
                case 403 -> "forbidden";
                case 404 -> "not-found";
                case 502 -> "camera-unreachable";
                default -> "live-unavailable";
            };
            return problem(refused.status(), code, refused.getMessage());
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    private static ApiException problem(int status, String code, String detail) {
        HttpResponseStatus http = HttpResponseStatus.valueOf(status);
        return new ApiException(Problem.of(http, code, http.reasonPhrase(), detail));
    }

    /** GET /api/v1/live: the caller's cameras' streams and sessions, and the relay's counters. */
    public CompletableFuture<ApiResponse> list(ApiRequest request) {
        LiveView view = enabled();
        Caller caller = request.caller();
        List<UpstreamStats> streams = view.relay().streams().stream()
                .filter(s -> sees(caller, s.stream().split("/")[0])).toList();
        List<SessionJson> sessions = view.sessions().open().stream().filter(s -> sees(caller, s.cameraId()))
                .map(s -> new SessionJson(s.id(), s.viewer(), s.cameraId(), s.sub(), s.stream(), s.via(), s.remoteAddress(),
                        s.since())).toList();
        RelayMeters meters = view.relay().meters();
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(new LiveJson(
                view.rtspPort(), streams, sessions, new RelayJson(meters.pictures(), meters.dropped(),
                        meters.slowDisconnects(), meters.malformed(), meters.bytesOut())))));
    }

    private boolean sees(Caller caller, String cameraId) {
        return registry.camera(cameraId).filter(c -> caller.sees(c.siteId())).isPresent();
    }

    private LiveView enabled() {
        if (live == null) {
            throw DomainException.notFound("the live view is off on this server (live.enabled=false)");
        }
        return live;
    }

    /** The host the client reached this server by, for URLs it can use; loopback when it sent none. */
    private static String host(ApiRequest request) {
        String given = request.headers().get("Host");
        if (given == null || given.isBlank()) {
            return "127.0.0.1";
        }
        String host = given.strip();
        if (host.startsWith("[")) {
            return host.substring(0, host.indexOf(']') + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    record TicketJson(String cameraId, String rtspUrl, String subRtspUrl, String ticket, Instant expires) {
    }

    record SessionJson(long id, String viewer, String cameraId, boolean sub, String stream, String via,
            String remoteAddress, Instant since) {
    }

    record RelayJson(long pictures, long droppedPictures, long slowDisconnects, long malformedPackets, long bytesOut) {
    }

    record LiveJson(int rtspPort, List<UpstreamStats> streams, List<SessionJson> sessions, RelayJson relay) {
    }
}
