package org.wardnet.server.live;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wardnet.adapters.live.RelayMeters;
import org.wardnet.adapters.live.UpstreamStats;
import org.wardnet.app.live.LiveSessions;
import org.wardnet.app.live.LiveTickets;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.registry.Registry;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

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
        boolean sub = registry.camera(cameraId).map(c -> c.rtsp() != null && c.rtsp().subUrl() != null).orElse(false);
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(new TicketJson(
                cameraId, base + query, sub ? base + "/sub" + query : null, ticket.value(), ticket.expires()))));
    }

    /** GET /api/v1/live: the caller's cameras' streams and sessions, and the relay's counters. */
    public CompletableFuture<ApiResponse> list(ApiRequest request) {
        LiveView view = enabled();
        Caller caller = request.caller();
        List<UpstreamStats> streams = view.relay().streams().stream()
                .filter(s -> sees(caller, s.stream().split("/")[0])).toList();
        List<SessionJson> sessions = view.sessions().open().stream().filter(s -> sees(caller, s.cameraId()))
                .map(s -> new SessionJson(s.id(), s.viewer(), s.cameraId(), s.sub(), s.via(), s.remoteAddress(),
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

    record SessionJson(long id, String viewer, String cameraId, boolean sub, String via, String remoteAddress,
            Instant since) {
    }

    record RelayJson(long pictures, long droppedPictures, long slowDisconnects, long malformedPackets, long bytesOut) {
    }

    record LiveJson(int rtspPort, List<UpstreamStats> streams, List<SessionJson> sessions, RelayJson relay) {
    }
}
