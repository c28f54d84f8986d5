package org.wardnet.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.install.Installation;
import org.wardnet.app.install.VerifyBatch;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.install.DiscoveredDevice;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

/**
 * The installer's endpoints: discovery, verification of one camera or many, the stored checklist
 * and the snapshot. Registration from discovered candidates is {@link CandidateRegistration}'s.
 */
final class InstallerResource {

    private final Installation installation;
    private final JsonCodec json;
    private final RequestBodies bodies;
    /** The stored checklist and the snapshot are read from the store and the disk: never on an event loop. */
    private final BlockingWork reads;

    InstallerResource(Installation installation, JsonCodec json, BlockingWork reads) {
        this.installation = installation;
        this.json = json;
        this.bodies = new RequestBodies(json);
        this.reads = reads;
    }

    /** {@code {"range": "a.b.c.d-e.f.g.h" | "a.b.c.d/nn"}} or {@code {"multicast": true, "interface": "eth0"}}. */
    record DiscoveryRequest(String range, Boolean multicast, @JsonProperty("interface") String networkInterface,
            Integer port, Integer windowMillis) {
    }

    CompletableFuture<ApiResponse> discover(ApiRequest request) {
        DiscoveryRequest body = bodies.json(request, DiscoveryRequest.class);
        return installation.discover(request.caller(), new Installation.DiscoveryRequest(body.range(),
                body.multicast(), body.networkInterface(), body.port(), body.windowMillis()))
                .thenApply(found -> ApiResponse.json(HttpResponseStatus.OK, json.write(discoveryView(found))));
    }

    private static Map<String, Object> discoveryView(Installation.Found found) {
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (Installation.FoundDevice candidate : found.candidates()) {
            DiscoveredDevice device = candidate.device();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("endpoint", device.endpoint());
            c.put("address", device.address());
            c.put("xaddr", candidate.xaddr());
            c.put("name", device.name().orElse(null));
            c.put("location", device.location().orElse(null));
            c.put("hardware", device.hardware().orElse(null));
            c.put("types", device.types());
            c.put("scopes", device.scopes());
            c.put("registered", candidate.registered());
            c.put("cameraId", candidate.cameraId());
            candidates.add(c);
        }
        long registered = found.registered();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("scope", found.scope().describe());
        view.put("probesSent", found.probesSent());
        view.put("answers", found.answers());
        view.put("unreadable", found.unreadable());
        view.put("found", candidates.size());
        view.put("registered", registered);
        view.put("new", candidates.size() - registered);
        view.put("candidates", candidates);
        return view;
    }

    CompletableFuture<ApiResponse> verify(ApiRequest request) {
        return installation.verify(request.caller(), RequestParams.id(request)).thenApply(report ->
                ApiResponse.json(HttpResponseStatus.OK, json.write(InstallerViews.report(report))));
    }

    CompletableFuture<ApiResponse> storedVerification(ApiRequest request) {
        String id = RequestParams.id(request);
        Caller caller = request.caller();
        return reads.submit(() -> ApiResponse.json(HttpResponseStatus.OK,
                installation.storedVerification(caller, id).getBytes(StandardCharsets.UTF_8)));
    }

    CompletableFuture<ApiResponse> snapshot(ApiRequest request) {
        String id = RequestParams.id(request);
        Caller caller = request.caller();
        return reads.submit(() -> new ApiResponse(HttpResponseStatus.OK, "image/jpeg",
                installation.snapshot(caller, id), Map.of()).withHeader("Cache-Control", "no-cache"));
    }

    /** {@code {"site": "sub-03"}} or {@code {"cameraIds": [...]}}. */
    record BatchRequest(String site, List<String> cameraIds) {
    }

    CompletableFuture<ApiResponse> startBatch(ApiRequest request) {
        BatchRequest body = bodies.json(request, BatchRequest.class);
        VerifyBatch batch = installation.startBatch(request.caller(), body.site(), body.cameraIds());
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.ACCEPTED,
                json.write(batch.status(Integer.MAX_VALUE))).withHeader("Location", "/api/v1/verifications/" + batch.id()));
    }

    CompletableFuture<ApiResponse> batchStatus(ApiRequest request) {
        VerifyBatch batch = installation.batch(request.caller(), request.pathParam("id"));
        String since = request.queryParam("since");
        int after;
        try {
            after = since == null ? 0 : Integer.parseInt(since);
        } catch (NumberFormatException e) {
            throw RequestParams.invalid("since", "must be an event sequence number");
        }
        return CompletableFuture.completedFuture(ApiResponse.json(HttpResponseStatus.OK, json.write(batch.status(after))));
    }
}
