package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.install.InstallerService;
import org.wardnet.app.install.VerifyBatch;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.CameraImport;
import org.wardnet.core.registry.Ids;
import org.wardnet.core.registry.Registry;
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

    private final Registry registry;
    private final BlockingWork writes;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final InstallerService installer;
    private final int maxRows;

    CandidateRegistration(Registry registry, BlockingWork writes, JsonCodec json, InstallerService installer,
            int maxRows) {
        this.registry = registry;
        this.writes = writes;
        this.json = json;
        this.bodies = new RequestBodies(json);
        this.installer = installer;
        this.maxRows = maxRows;
    }

    /** One discovered device to register; id, name and location default from the request. */
    record Candidate(String xaddr, String endpoint, String id, String name, CameraDraft.Location location) {
    }

    record Request(String siteId, String username, String password, CameraDraft.Location location,
            List<Candidate> candidates, Boolean verify) {
    }

    CompletableFuture<ApiResponse> register(ApiRequest request) {
        Request body = bodies.json(request, Request.class);
        if (body.candidates() == null || body.candidates().isEmpty()) {
            throw RequestParams.invalid("candidates", "list at least one discovered device");
        }
        if (body.candidates().size() > maxRows) {
            throw RequestParams.invalid("candidates", "at most " + maxRows + " per request");
        }
        List<CameraImport.Row> rows = new ArrayList<>();
        int number = 1;
        for (Candidate c : body.candidates()) {
            String id = c.id() != null ? c.id() : idFor(c);
            String name = c.name() != null ? c.name() : "ONVIF camera " + host(c.xaddr());
            CameraDraft.Location location = c.location() != null ? c.location() : body.location();
            rows.add(new CameraImport.Row(number++, new CameraDraft(id, body.siteId(), name, location, null, null, null,
                    null, new CameraDraft.Onvif(c.xaddr(), body.username(), body.password()), null), List.of()));
        }
        List<CameraImport.Row> allowed = CameraImportResource.withinScope(registry, rows, request.requireScope());
        return writes.submit(() -> registry.importCameras(allowed, false)).thenApply(outcome -> {
            List<String> ready = new ArrayList<>();
            for (CameraImport.RowResult result : outcome.results()) {
                if (result.status() != CameraImport.Status.FAILED) {
                    ready.add(result.id());
                }
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("created", outcome.created());
            view.put("updated", outcome.updated());
            view.put("unchanged", outcome.unchanged());
            view.put("failed", outcome.failed());
            view.put("results", outcome.results());
            if (Boolean.TRUE.equals(body.verify()) && !ready.isEmpty()) {
                VerifyBatch batch = installer.startBatch(ready);
                view.put("verification", batch.status(Integer.MAX_VALUE));
                view.put("verificationUrl", "/api/v1/verifications/" + batch.id());
            }
            return ApiResponse.json(outcome.created() > 0 ? HttpResponseStatus.CREATED : HttpResponseStatus.OK,
                    json.write(view));
        });
    }

    /** A stable id from the device's endpoint reference, else its address: registering twice finds the same camera. */
    static String idFor(Candidate c) {
        String basis = c.endpoint() != null ? c.endpoint() : String.valueOf(c.xaddr());
        String id = "onvif-" + UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8)).toString().substring(0, 18);
        return Ids.isValid(id) ? id : "onvif-" + Integer.toHexString(basis.hashCode());
    }

    private static String host(String xaddr) {
        try {
            return new URI(xaddr).getHost();
        } catch (Exception e) {
            return String.valueOf(xaddr);
        }
    }
}
