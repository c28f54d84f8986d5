package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.install.Installation;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.registry.CameraImport;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

/**
 * Registers discovered devices as cameras of one site with one set of credentials
 * ({@code POST /api/v1/discovery/register}), optionally starting their verification at once. Rows
 * go through the registry's import (one result per candidate, not atomic: good candidates are
 * kept when one is bad), so re-registering the same candidates changes nothing.
 */
final class CandidateRegistration {

    private final Installation installation;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final RequestBodies bodies;

    CandidateRegistration(Installation installation, BlockingWork writes, JsonCodec json) {
        this.installation = installation;
        this.writes = writes;
        this.json = json;
        this.bodies = new RequestBodies(json);
    }

    CompletableFuture<ApiResponse> register(ApiRequest request) {
        Installation.Registration body = bodies.json(request, Installation.Registration.class);
        Caller caller = request.caller();
        return writes.submit(() -> {
            Installation.Registered registered = installation.register(caller, body);
            CameraImport.Outcome outcome = registered.outcome();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("created", outcome.created());
            view.put("updated", outcome.updated());
            view.put("unchanged", outcome.unchanged());
            view.put("failed", outcome.failed());
            view.put("results", outcome.results());
            if (registered.verification() != null) {
                view.put("verification", registered.verification().status(Integer.MAX_VALUE));
                view.put("verificationUrl", "/api/v1/verifications/" + registered.verification().id());
            }
            return ApiResponse.json(outcome.created() > 0 ? HttpResponseStatus.CREATED : HttpResponseStatus.OK,
                    json.write(view));
        });
    }
}
