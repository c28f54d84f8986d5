package org.wardnet.server.health;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.health.HealthQueries;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.health.CameraHealth;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.health.HealthState;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

/**
 * {@code GET /api/v1/cameras/{id}/health} (state, last probe, stream, recent history),
 * {@code GET /api/v1/health/summary?site=} (counts per state for a subtree and per child site) and
 * {@code GET /api/v1/events} (server-sent health events; {@code ?alarms=true} for alarms only):
 * the HTTP side of {@link HealthQueries}, which does the scoping and the roll-ups.
 */
public final class HealthResource {

    private final HealthQueries health;
    private final BlockingWork reads;
    private final JsonCodec json;

    public HealthResource(HealthQueries health, BlockingWork reads, JsonCodec json) {
        this.health = health;
        this.reads = reads;
        this.json = json;
    }

    public CompletableFuture<ApiResponse> camera(ApiRequest request) {
        Caller caller = request.caller();
        String id = request.pathParam("id");
        return reads.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(view(health.camera(caller, id)))));
    }

    public CompletableFuture<ApiResponse> summary(ApiRequest request) {
        HealthQueries.SiteSummary summary = health.summary(request.caller(), request.queryParam("site"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("site", summary.root() == null ? null : summary.root().id());
        body.put("unreachable", summary.unreachable());
        body.put("cameras", summary.counts().total());
        body.put("counts", summary.counts().asMap());
        List<Map<String, Object>> children = new ArrayList<>();
        for (HealthQueries.ChildSummary child : summary.children()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("site", child.site().id());
            line.put("name", child.site().name());
            line.put("tier", child.site().tier().name());
            line.put("unreachable", child.unreachable());
            line.put("cameras", child.counts().total());
            line.put("counts", child.counts().asMap());
            children.add(line);
        }
        body.put("children", children);
        body.put("monitoring", summary.monitoring());
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(body)));
    }

    public CompletableFuture<ApiResponse> events(ApiRequest request) {
        boolean alarmsOnly = "true".equals(request.queryParam("alarms"));
        Caller caller = request.caller();
        return CompletableFuture.completedFuture(ApiResponse.events(sink -> health.subscribe(caller, alarmsOnly,
                event -> sink.send(event.alarm() ? "alarm" : "health",
                        new String(json.write(event(event)), StandardCharsets.UTF_8)))));
    }

    private static Map<String, Object> view(HealthQueries.CameraReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cameraId", report.camera().id());
        body.put("siteId", report.camera().siteId());
        CameraHealth h = report.health();
        if (h == null) {
            body.put("state", HealthState.UNKNOWN.name());
            body.put("reason", report.monitoring() ? "not probed yet" : "health monitoring is off (health.enabled)");
        } else {
            body.put("state", h.state().name());
            body.put("since", h.since());
            body.put("reason", h.reason());
            body.put("lastProbe", h.lastProbe());
            body.put("rttMillis", h.rttMillis());
            if (h.errorClass() != null) {
                body.put("lastError", Map.of("class", h.errorClass().name(), "message", h.errorMessage()));
            }
            if (h.codec() != null) {
                Map<String, Object> stream = new LinkedHashMap<>();
                stream.put("codec", h.codec());
                stream.put("width", h.width());
                stream.put("height", h.height());
                body.put("stream", stream);
            }
            body.put("consecutiveFailures", h.consecutiveFailures());
        }
        body.put("history", report.history().stream().map(HealthResource::event).toList());
        return body;
    }

    private static Map<String, Object> event(HealthEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", e.at());
        out.put("subject", e.subject().name());
        out.put("id", e.id());
        out.put("from", e.from());
        out.put("to", e.to());
        out.put("reason", e.reason());
        out.put("alarm", e.alarm());
        if (e.groupedBy() != null) {
            out.put("groupedBy", e.groupedBy());
        }
        return out;
    }
}
