package org.wardnet.server.health;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.health.HealthQueries;
import org.wardnet.app.health.RemoteHealth;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.health.CameraHealth;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.health.HealthState;
import org.wardnet.core.registry.Site;
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

    /** Every visible camera's state, for the console's map (the district's is some 600 KB: off the event loop). */
    public CompletableFuture<ApiResponse> states(ApiRequest request) {
        Caller caller = request.caller();
        String site = request.queryParam("site");
        return reads.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(
                new HealthJson.StatesJson(health.states(caller, site)))));
    }

    public CompletableFuture<ApiResponse> summary(ApiRequest request) {
        HealthQueries.SiteSummary summary = health.summary(request.caller(), request.queryParam("site"));
        List<HealthJson.ChildJson> children = summary.children().stream().map(child -> new HealthJson.ChildJson(
                child.site().id(), child.site().name(), child.site().tier().name(), child.unreachable(),
                child.counts().total(), child.counts().asMap())).toList();
        Site root = summary.root();
        HealthJson.SummaryJson body = new HealthJson.SummaryJson(root == null ? null : root.id(),
                root == null ? null : root.name(), root == null ? null : root.tier().name(), summary.unreachable(), summary.counts().total(), summary.counts().asMap(), children,
                summary.monitoring());
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(body)));
    }

    public CompletableFuture<ApiResponse> events(ApiRequest request) {
        boolean alarmsOnly = "true".equals(request.queryParam("alarms"));
        Caller caller = request.caller();
        return CompletableFuture.completedFuture(ApiResponse.events(sink -> health.subscribe(caller, alarmsOnly,
                event -> sink.send(event.alarm() ? "alarm" : "health",
                        new String(json.write(event(event)), StandardCharsets.UTF_8)))));
    }

    private static HealthJson.CameraJson view(HealthQueries.CameraReport report) {
        CameraHealth h = report.health();
        List<HealthJson.EventJson> history = report.history().stream().map(HealthResource::event).toList();
        HealthJson.ReportedJson reported = reported(report.remote());
        if (h == null) {
            String why = reported != null ? "node " + reported.node() + " has not reported it yet"
                    : report.monitoring() ? "not probed yet" : "health monitoring is off (health.enabled)";
            return new HealthJson.CameraJson(report.camera().id(), report.camera().siteId(), HealthState.UNKNOWN.name(),
                    null, why, null, null, null, null, null, history, reported);
        }
        return new HealthJson.CameraJson(report.camera().id(), report.camera().siteId(), h.state().name(), h.since(),
                h.reason(), h.lastProbe(), h.rttMillis(),
                h.errorClass() == null ? null : new HealthJson.ErrorJson(h.errorClass().name(), h.errorMessage()),
                h.codec() == null ? null : new HealthJson.StreamJson(h.codec(), h.width(), h.height()),
                reported != null ? null : h.consecutiveFailures(), history, reported);
    }

    private static HealthJson.ReportedJson reported(RemoteHealth.Report remote) {
        if (remote == null) {
            return null;
        }
        Instant since = remote.lastKnownSince();
        return new HealthJson.ReportedJson(remote.node(), remote.lastKnown() == null ? null : remote.lastKnown().name(),
                since, since == null ? null : Math.max(0, Duration.between(since, Instant.now()).toSeconds()));
    }

    private static HealthJson.EventJson event(HealthEvent e) {
        return new HealthJson.EventJson(e.at(), e.subject().name(), e.id(), e.from(), e.to(), e.reason(), e.alarm(),
                e.groupedBy());
    }
}
