package org.wardnet.server.api;

import static io.netty.handler.codec.http.HttpMethod.GET;
import static org.wardnet.core.access.Permission.AUDIT_READ;
import static org.wardnet.core.access.Permission.HEALTH_READ;
import static org.wardnet.server.routes.Access.PUBLIC;
import static org.wardnet.server.routes.Access.district;
import static org.wardnet.server.routes.Endpoint.NOT_AUDITED;
import static org.wardnet.server.routes.Operation.content;
import static org.wardnet.server.routes.Operation.doc;
import static org.wardnet.server.routes.Operation.json;
import static org.wardnet.server.routes.Schemas.INTEGER;
import static org.wardnet.server.routes.Schemas.TEXT;
import static org.wardnet.server.routes.Schemas.ref;
import static org.wardnet.server.routes.Schemas.schema;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.ops.OpsResource;
import org.wardnet.server.routes.Endpoint;
import org.wardnet.server.routes.OpenApiDocument;

/**
 * The routes of ops and the audit trail: liveness, readiness, metrics, this document, the trail,
 * each declared once with its handler, access rule, audit decision, body limit and OpenAPI
 * operation.
 */
final class OpsEndpoints {

    private OpsEndpoints() {
    }

    static List<Endpoint> of(OpsResource ops, OpenApiDocument document, AuditResource trail) {
        return List.of(
                Endpoint.of(GET, "/healthz", ops::healthz, PUBLIC, NOT_AUDITED,
                        doc("ops", "Liveness: the process answers")
                                .returns(200, "OK", json(schema("{\"type\":\"object\","
                                        + "\"properties\":{\"status\":{\"type\":\"string\",\"enum\":[\"up\"]}}}")))),
                Endpoint.of(GET, "/readyz", ops::readyz, PUBLIC, NOT_AUDITED,
                        doc("ops", "Readiness: the store answers and every event loop runs a task within 2 s")
                                .returns(200, "OK", json(ref("Readiness")))
                                .returns(503, "Not ready; checks say why", json(ref("Readiness")))),
                Endpoint.of(GET, "/metrics", ops::metrics, district(HEALTH_READ), NOT_AUDITED,
                        doc("ops", "Prometheus text exposition")
                                .returns(200, "Metrics", content("text/plain", TEXT))),
                Endpoint.of(GET, "/api/v1/openapi.json", request -> CompletableFuture.completedFuture(
                        ApiResponse.json(HttpResponseStatus.OK, document.bytes())), PUBLIC, NOT_AUDITED,
                        doc("ops", "This document")
                                .returns(200, "OK", json(schema("{\"type\":\"object\"}")))),
                Endpoint.of(GET, "/api/v1/audit", trail::list, district(AUDIT_READ), "audit.read",
                        doc("audit", "The audit trail in order: every footage-related request and every registry, "
                                + "street or link change, with who, when, what and the result; hash-chained "
                                + "(wardnet audit verify checks it)")
                                .query("after", schema("{\"type\":\"integer\",\"minimum\":0}"))
                                .query("limit", INTEGER)
                                .returns(200, "Entries", json(ref("AuditPage")))
                                .problem(400, "Invalid query")));
    }
}
