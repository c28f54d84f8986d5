package org.wardnet.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.install.InstallerService;
import org.wardnet.app.install.VerifyBatch;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.install.DiscoveredDevice;
import org.wardnet.core.install.DiscoveryScope;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Registry;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * The installer's endpoints: discovery, verification of one camera or many, the stored checklist
 * and the snapshot. Registration from discovered candidates is {@link CandidateRegistration}'s.
 */
final class InstallerResource {

    private final InstallerService installer;
    private final Registry registry;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final WardnetConfig config;
    /** The stored checklist and the snapshot are read from the store and the disk: never on an event loop. */
    private final BlockingWork reads;

    InstallerResource(InstallerService installer, Registry registry, JsonCodec json, WardnetConfig config,
            BlockingWork reads) {
        this.reads = reads;
        this.installer = installer;
        this.registry = registry;
        this.json = json;
        this.bodies = new RequestBodies(json);
        this.config = config;
    }

    /** {@code {"range": "a.b.c.d-e.f.g.h" | "a.b.c.d/nn"}} or {@code {"multicast": true, "interface": "eth0"}}. */
    record DiscoveryRequest(String range, Boolean multicast, @JsonProperty("interface") String networkInterface,
            Integer port, Integer windowMillis) {
    }

    CompletableFuture<ApiResponse> discover(ApiRequest request) {
        DiscoveryRequest body = bodies.json(request, DiscoveryRequest.class);
        int port = body.port() == null ? config.get(WardnetKeys.ONVIF_DISCOVERY_PORT) : body.port();
        if (port < 1 || port > 65_535) {
            throw RequestParams.invalid("port", "must be 1..65535");
        }
        int window = body.windowMillis() == null ? config.get(WardnetKeys.ONVIF_DISCOVERY_WINDOW_MILLIS) : body.windowMillis();
        if (window < 100 || window > 30_000) {
            throw RequestParams.invalid("windowMillis", "must be 100..30000");
        }
        boolean multicast = Boolean.TRUE.equals(body.multicast());
        if (multicast == (body.range() != null)) {
            throw RequestParams.invalid(multicast ? "range" : "multicast", "give either a range or \"multicast\": true");
        }
        DiscoveryScope scope;
        if (multicast) {
            String nic = body.networkInterface() != null ? body.networkInterface()
                    : config.get(WardnetKeys.ONVIF_DISCOVERY_INTERFACE);
            scope = DiscoveryScope.multicast(nic.isEmpty() ? NetworkInterfaces.firstLan() : nic, port);
        } else {
            try {
                scope = DiscoveryScope.range(body.range(), port, config.get(WardnetKeys.ONVIF_MAX_DISCOVERY_ADDRESSES));
            } catch (IllegalArgumentException e) {
                throw RequestParams.invalid("range", e.getMessage());
            }
        }
        return installer.discover(scope, Duration.ofMillis(window)).handle((found, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                throw new ApiException(Problem.of(HttpResponseStatus.UNPROCESSABLE_ENTITY, "discovery-failed",
                        "Discovery failed", scope.describe() + ": " + cause.getMessage()));
            }
            return ApiResponse.json(HttpResponseStatus.OK, json.write(discoveryView(found,
                    cameraId -> RequestParams.visibleCamera(registry, request, cameraId))));
        });
    }

    /** A device registered outside the caller's scope shows as registered, without its camera id. */
    private static Map<String, Object> discoveryView(InstallerService.Discovery found,
            java.util.function.Predicate<String> visible) {
        List<Map<String, Object>> candidates = new ArrayList<>();
        int registered = 0;
        for (DiscoveredDevice device : found.result().devices()) {
            String xaddr = device.xaddrs().isEmpty() ? null : device.xaddrs().get(0);
            String cameraId = xaddr == null ? null : found.registeredByAddress().get(InstallerService.hostPort(xaddr));
            if (cameraId == null) {
                cameraId = found.registeredByAddress().get(device.address());
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("endpoint", device.endpoint());
            c.put("address", device.address());
            c.put("xaddr", xaddr);
            c.put("name", device.name().orElse(null));
            c.put("location", device.location().orElse(null));
            c.put("hardware", device.hardware().orElse(null));
            c.put("types", device.types());
            c.put("scopes", device.scopes());
            c.put("registered", cameraId != null);
            c.put("cameraId", cameraId != null && visible.test(cameraId) ? cameraId : null);
            candidates.add(c);
            registered += cameraId == null ? 0 : 1;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("scope", found.scope().describe());
        view.put("probesSent", found.result().probesSent());
        view.put("answers", found.result().answers());
        view.put("unreadable", found.result().unreadable());
        view.put("found", candidates.size());
        view.put("registered", registered);
        view.put("new", candidates.size() - registered);
        view.put("candidates", candidates);
        return view;
    }

    CompletableFuture<ApiResponse> verify(ApiRequest request) {
        Camera camera = verifiable(request, RequestParams.id(request));
        return installer.verify(camera).thenApply(report ->
                ApiResponse.json(HttpResponseStatus.OK, json.write(InstallerViews.report(report))));
    }

    CompletableFuture<ApiResponse> storedVerification(ApiRequest request) {
        String id = RequestParams.camera(registry, request, RequestParams.id(request)).id();
        return reads.submit(() -> {
            String stored = installer.storedVerification(id).orElseThrow(() -> new ApiException(Problem.of(
                    HttpResponseStatus.NOT_FOUND, "not-verified", "Not verified", "camera '" + id + "' was never verified")));
            return ApiResponse.json(HttpResponseStatus.OK, stored.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    CompletableFuture<ApiResponse> snapshot(ApiRequest request) {
        String id = RequestParams.camera(registry, request, RequestParams.id(request)).id();
        return reads.submit(() -> {
            byte[] jpeg = installer.snapshot(id).orElseThrow(() -> new ApiException(Problem.of(
                    HttpResponseStatus.NOT_FOUND, "no-snapshot", "No snapshot",
                    "camera '" + id + "' has no snapshot yet; verify it first")));
            return new ApiResponse(HttpResponseStatus.OK, "image/jpeg", jpeg, Map.of()).withHeader("Cache-Control",
                    "no-cache");
        });
    }

    /** {@code {"site": "sub-03"}} or {@code {"cameraIds": [...]}}. */
    record BatchRequest(String site, List<String> cameraIds) {
    }

    CompletableFuture<ApiResponse> startBatch(ApiRequest request) {
        BatchRequest body = bodies.json(request, BatchRequest.class);
        if ((body.site() == null) == (body.cameraIds() == null)) {
            throw RequestParams.invalid("site", "give either a site (its whole subtree is verified) or cameraIds");
        }
        if (body.site() != null) {
            RequestParams.site(registry, request, body.site());
        } else {
            for (String cameraId : body.cameraIds()) {
                if (!RequestParams.visibleCamera(registry, request, cameraId)) {
                    throw RequestParams.invalid("cameraIds", "no camera '" + cameraId + "'");
                }
            }
        }
        List<String> ids = body.site() != null ? registry.queries().cameraIdsInSubtree(body.site()) : body.cameraIds();
        int max = config.get(WardnetKeys.API_MAX_IMPORT_ROWS);
        if (ids.size() > max) {
            throw RequestParams.invalid("cameraIds", ids.size() + " cameras; at most " + max + " per verification");
        }
        return CompletableFuture.completedFuture(accepted(installer.startBatch(ids)));
    }

    ApiResponse accepted(VerifyBatch batch) {
        return ApiResponse.json(HttpResponseStatus.ACCEPTED, json.write(batch.status(Integer.MAX_VALUE)))
                .withHeader("Location", "/api/v1/verifications/" + batch.id());
    }

    CompletableFuture<ApiResponse> batchStatus(ApiRequest request) {
        String id = request.pathParam("id");
        VerifyBatch batch = installer.batch(id).filter(b -> b.cameraIds().stream()
                .allMatch(cameraId -> RequestParams.recordVisible(registry, request, cameraId)))
                .orElseThrow(() -> new ApiException(Problem.of(
                HttpResponseStatus.NOT_FOUND, "not-found", "Not found", "no verification '" + id + "'")));
        String since = request.queryParam("since");
        int after;
        try {
            after = since == null ? 0 : Integer.parseInt(since);
        } catch (NumberFormatException e) {
            throw RequestParams.invalid("since", "must be an event sequence number");
        }
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(batch.status(after))));
    }

    private Camera verifiable(ApiRequest request, String id) {
        Camera camera = RequestParams.camera(registry, request, id);
        if (camera.onvif() == null) {
            throw new ApiException(Problem.of(HttpResponseStatus.CONFLICT, "no-onvif", "Not an ONVIF camera",
                    "camera '" + id + "' has no ONVIF endpoint; add onvif {url, username, password} to verify it"));
        }
        return camera;
    }
}
