package org.wardnet.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final NodeFootage onNodes;
    private final JsonCodec json;
    private final RequestBodies bodies;
    /** The stored checklist and the snapshot are read from the store and the disk: never on an event loop. */
    private final BlockingWork reads;

    InstallerResource(Installation installation, JsonCodec json, BlockingWork reads, NodeFootage onNodes) {
        this.onNodes = onNodes;
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

    /** What a discovery found; {@code new} counts the devices not registered yet. */
    record DiscoveryJson(String scope, int probesSent, int answers, int unreadable, int found, long registered,
            @JsonProperty("new") long unregistered, List<CandidateJson> candidates) {
    }

    /** A device found; its camera id only when that camera lies in the caller's scope. */
    record CandidateJson(String endpoint, String address, String xaddr, String name, String location, String hardware,
            List<String> types, List<String> scopes, boolean registered, String cameraId) {
    }

    private static DiscoveryJson discoveryView(Installation.Found found) {
        List<CandidateJson> candidates = found.candidates().stream().map(candidate -> {
            DiscoveredDevice device = candidate.device();
            return new CandidateJson(device.endpoint(), device.address(), candidate.xaddr(),
                    device.name().orElse(null), device.location().orElse(null), device.hardware().orElse(null),
                    device.types(), device.scopes(), candidate.registered(), candidate.cameraId());
        }).toList();
        long registered = found.registered();
        return new DiscoveryJson(found.scope().describe(), found.probesSent(), found.answers(), found.unreadable(),
                candidates.size(), registered, candidates.size() - registered, candidates);
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
        return reads.submit(() -> {
            Optional<String> node = onNodes.ownerOf(caller, id);
            if (node.isPresent()) { // the node that verified it holds the picture
                return onNodes.snapshot(caller, node.get(), id);
            }
            return new ApiResponse(HttpResponseStatus.OK, "image/jpeg", installation.snapshot(caller, id), Map.of())
                    .withHeader("Cache-Control", "no-cache");
        });
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
