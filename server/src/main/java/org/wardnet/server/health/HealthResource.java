package org.wardnet.server.health;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.wardnet.core.health.CameraHealth;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.health.HealthState;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Ids;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.BlockingWork;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * {@code GET /api/v1/cameras/{id}/health} (state, last probe, stream, recent history),
 * {@code GET /api/v1/health/summary?site=} (counts per state for a subtree and per child site) and
 * {@code GET /api/v1/events} (server-sent health events; {@code ?alarms=true} for alarms only).
 */
public final class HealthResource {

    private static final int HISTORY = 20;

    private final Registry registry;
    private final HealthService health;
    private final BlockingWork reads;
    private final JsonCodec json;

    public HealthResource(Registry registry, HealthService health, BlockingWork reads, JsonCodec json) {
        this.registry = registry;
        this.health = health;
        this.reads = reads;
        this.json = json;
    }

    public CompletableFuture<ApiResponse> camera(ApiRequest request) {
        String id = request.pathParam("id");
        if (!Ids.isValid(id) || !visibleCamera(request, id)) {
            throw new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND, "not-found", "Not found",
                    "no camera '" + id + "'"));
        }
        Camera camera = registry.camera(id).orElseThrow();
        return reads.submit(() -> {
            Map<String, Object> body = view(camera, health.monitor().health(id));
            body.put("history", health.history().recent(id, HISTORY).stream().map(HealthResource::event).toList());
            return ApiResponse.json(HttpResponseStatus.OK, json.write(body));
        });
    }

    public CompletableFuture<ApiResponse> summary(ApiRequest request) {
        org.wardnet.core.access.AccessScope scope = request.requireScope();
        String siteId = request.queryParam("site") != null ? request.queryParam("site")
                : scope.districtWide() ? null : onlyRoot(scope);
        Site root = siteId == null ? centerOrNull() : registry.site(siteId).filter(s -> scope.covers(s.id()))
                .orElseThrow(() -> new ApiException(Problem.badRequest("query parameter 'site': no site '" + siteId
                        + "'")));
        Map<String, Map<HealthState, Integer>> perChild = new LinkedHashMap<>();
        Map<HealthState, Integer> total = emptyCounts();
        List<Site> children = root == null ? List.of() : registry.queries().sites(
                new org.wardnet.core.registry.ListQuery(null, Integer.MAX_VALUE, root.id(), null), null).items()
                .stream().filter(s -> root.id().equals(s.parentId())).toList();
        children.forEach(child -> perChild.put(child.id(), emptyCounts()));
        for (Camera camera : registry.queries().cameras(new org.wardnet.core.registry.ListQuery(null, Integer.MAX_VALUE,
                root == null ? null : root.id(), null)).items()) {
            CameraHealth h = health.monitor().health(camera.id());
            HealthState state = h == null ? HealthState.UNKNOWN : h.state();
            total.merge(state, 1, Integer::sum);
            String child = childOf(root, camera.siteId());
            if (child != null) {
                perChild.get(child).merge(state, 1, Integer::sum);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("site", root == null ? null : root.id());
        body.put("unreachable", root != null && health.monitor().siteUnreachable(root.id()));
        body.put("cameras", total.values().stream().mapToInt(Integer::intValue).sum());
        body.put("counts", total);
        List<Map<String, Object>> childViews = new ArrayList<>();
        for (Site child : children) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("site", child.id());
            view.put("name", child.name());
            view.put("tier", child.tier().name());
            view.put("unreachable", health.monitor().siteUnreachable(child.id()));
            view.put("cameras", perChild.get(child.id()).values().stream().mapToInt(Integer::intValue).sum());
            view.put("counts", perChild.get(child.id()));
            childViews.add(view);
        }
        body.put("children", childViews);
        body.put("monitoring", health.enabled());
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(body)));
    }

    public CompletableFuture<ApiResponse> events(ApiRequest request) {
        boolean alarmsOnly = "true".equals(request.queryParam("alarms"));
        org.wardnet.core.access.AccessScope scope = request.requireScope();
        return CompletableFuture.completedFuture(ApiResponse.events(sink -> health.hub().subscribe(event -> {
            boolean visible = scope.districtWide() || (event.subject() == HealthEvent.Subject.SITE
                    ? scope.covers(event.id()) : visibleCamera(request, event.id()));
            if (visible && (!alarmsOnly || event.alarm())) {
                sink.send(event.alarm() ? "alarm" : "health", new String(json.write(event(event)),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        })));
    }

    private boolean visibleCamera(ApiRequest request, String id) {
        return registry.camera(id).filter(c -> request.requireScope().covers(c.siteId())).isPresent();
    }

    /** A scoped caller's summary starts at its one granted site; with several, it must say which. */
    private static String onlyRoot(org.wardnet.core.access.AccessScope scope) {
        if (scope.roots().size() != 1) {
            throw new ApiException(Problem.badRequest("query parameter 'site' is required: your grants cover " + scope));
        }
        return scope.roots().get(0);
    }

    private Site centerOrNull() {
        return registry.queries().sites(new org.wardnet.core.registry.ListQuery(null, 1, null, null),
                org.wardnet.core.registry.Tier.CENTER).items().stream().findFirst().orElse(null);
    }

    /** The child of {@code root} on the way from {@code siteId} up to it, or null. */
    private String childOf(Site root, String siteId) {
        if (root == null) {
            return null;
        }
        String previous = null;
        for (String id = siteId; id != null; id = registry.site(id).map(Site::parentId).orElse(null)) {
            if (id.equals(root.id())) {
                return previous;
            }
            previous = id;
        }
        return null;
    }

    private static Map<HealthState, Integer> emptyCounts() {
        Map<HealthState, Integer> counts = new EnumMap<>(HealthState.class);
        for (HealthState state : HealthState.values()) {
            counts.put(state, 0);
        }
        return counts;
    }

    private Map<String, Object> view(Camera camera, CameraHealth h) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cameraId", camera.id());
        body.put("siteId", camera.siteId());
        if (h == null) {
            body.put("state", HealthState.UNKNOWN.name());
            body.put("reason", health.enabled() ? "not probed yet" : "health monitoring is off (health.enabled)");
            return body;
        }
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
