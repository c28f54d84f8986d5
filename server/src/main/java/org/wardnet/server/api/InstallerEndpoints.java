package org.wardnet.server.api;

import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static org.wardnet.core.access.Permission.INSTALL;
import static org.wardnet.server.routes.Access.scoped;
import static org.wardnet.server.routes.Endpoint.NOT_AUDITED;
import static org.wardnet.server.routes.Operation.content;
import static org.wardnet.server.routes.Operation.doc;
import static org.wardnet.server.routes.Operation.json;
import static org.wardnet.server.routes.Schemas.BINARY;
import static org.wardnet.server.routes.Schemas.ID;
import static org.wardnet.server.routes.Schemas.INTEGER;
import static org.wardnet.server.routes.Schemas.TEXT;
import static org.wardnet.server.routes.Schemas.ref;

import java.util.List;
import org.wardnet.server.routes.Endpoint;

/**
 * The routes of the installer's workflow: discovery, registration, verification, each declared
 * once with its handler, access rule, audit decision, body limit and OpenAPI operation.
 */
final class InstallerEndpoints {

    private InstallerEndpoints() {
    }

    static List<Endpoint> of(InstallerResource install, CandidateRegistration registration) {
        return List.of(
                Endpoint.of(POST, "/api/v1/discovery", install::discover, scoped(INSTALL), NOT_AUDITED,
                        doc("installer", "WS-Discovery: probe an address range by unicast, or the multicast group "
                                + "on an interface; each candidate is marked registered (with its camera id) or new")
                                .body(json(ref("DiscoveryRequest")))
                                .returns(200, "OK", json(ref("DiscoveryResult")))
                                .problem(400, "Malformed or too wide a range, bad port or window")
                                .problem(422, "The probe could not be sent (no such interface)")),
                Endpoint.of(POST, "/api/v1/discovery/register", registration::register,
                        scoped(INSTALL), "camera.register",
                        doc("installer", "Register discovered devices as cameras of one site with one set of "
                                + "credentials, optionally starting their verification")
                                .body(json(ref("RegisterRequest")))
                                .returns(201, "At least one camera created", json(ref("RegisterResult")))
                                .returns(200, "Nothing new (re-registration)", json(ref("RegisterResult")))
                                .problem(400, "Invalid request")
                                .problem(503, "Store unavailable")),
                Endpoint.of(POST, "/api/v1/cameras/{id}/verify", install::verify, scoped(INSTALL), NOT_AUDITED,
                        doc("installer", "Verify a camera now: reachable, clock, credentials, device information, "
                                + "media service, profiles, main and sub stream URIs, RTSP DESCRIBE of each, "
                                + "snapshot. Stores the checklist and snapshot; stream URIs become the camera's "
                                + "RTSP URLs")
                                .path("id", ID)
                                .returns(200, "OK", json(ref("Verification")))
                                .problem(404, "No such camera")
                                .problem(409, "The camera has no ONVIF endpoint")),
                Endpoint.of(GET, "/api/v1/cameras/{id}/verification", install::storedVerification,
                        scoped(INSTALL), NOT_AUDITED,
                        doc("installer", "The camera's latest stored verification checklist")
                                .path("id", ID)
                                .returns(200, "OK", json(ref("Verification")))
                                .problem(404, "No such camera, or never verified")),
                Endpoint.of(GET, "/api/v1/cameras/{id}/snapshot", install::snapshot, scoped(INSTALL), "camera.snapshot",
                        doc("installer", "The snapshot JPEG fetched by the camera's latest verification")
                                .path("id", ID)
                                .returns(200, "JPEG", content("image/jpeg", BINARY))
                                .problem(404, "No such camera, or no snapshot yet")),
                Endpoint.of(POST, "/api/v1/verifications", install::startBatch, scoped(INSTALL), NOT_AUDITED,
                        doc("installer", "Start verifying a site's whole subtree or a list of cameras in the "
                                + "background, with bounded concurrency (onvif.verifyConcurrency)")
                                .body(json(ref("VerificationBatchRequest")))
                                .returns(202, "Started; Location names the status endpoint",
                                        json(ref("VerificationBatch")))
                                .problem(400, "Neither or both of site and cameraIds, unknown site, too many "
                                        + "cameras")),
                Endpoint.of(GET, "/api/v1/verifications/{id}", install::batchStatus, scoped(INSTALL), NOT_AUDITED,
                        doc("installer", "Progress of a bulk verification: counts, percent, failures by step, "
                                + "failed cameras and per-camera events (?since=N for events after sequence N)")
                                .path("id", TEXT)
                                .query("since", INTEGER)
                                .returns(200, "OK", json(ref("VerificationBatch")))
                                .problem(400, "since is not a number")
                                .problem(404, "No such verification (they are kept until restart)")));
    }
}
