package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.install.Installation;
import org.wardnet.app.install.VerifyBatch;
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

    /** What a registration did, with the verification it started when asked. */
    record RegisteredJson(int created, int updated, int unchanged, int failed, List<CameraImport.RowResult> results,
            VerifyBatch.Status verification, String verificationUrl) {
    }

    CompletableFuture<ApiResponse> register(ApiRequest request) {
        Installation.Registration body = bodies.json(request, Installation.Registration.class);
        Caller caller = request.caller();
        return writes.submit(() -> {
            Installation.Registered registered = installation.register(caller, body);
            CameraImport.Outcome outcome = registered.outcome();
            VerifyBatch batch = registered.verification();
            RegisteredJson view = new RegisteredJson(outcome.created(), outcome.updated(), outcome.unchanged(),
                    outcome.failed(), outcome.results(), batch == null ? null : batch.status(Integer.MAX_VALUE),
                    batch == null ? null : "/api/v1/verifications/" + batch.id());
            return ApiResponse.json(outcome.created() > 0 ? HttpResponseStatus.CREATED : HttpResponseStatus.OK,
                    json.write(view));
        });
    }
}
