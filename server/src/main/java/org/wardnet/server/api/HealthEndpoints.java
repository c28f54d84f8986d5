package org.wardnet.server.api;

import static io.netty.handler.codec.http.HttpMethod.GET;
import static org.wardnet.core.access.Permission.HEALTH_READ;
import static org.wardnet.server.routes.Access.scoped;
import static org.wardnet.server.routes.Endpoint.NOT_AUDITED;
import static org.wardnet.server.routes.Operation.content;
import static org.wardnet.server.routes.Operation.doc;
import static org.wardnet.server.routes.Operation.json;
import static org.wardnet.server.routes.Schemas.FLAG;
import static org.wardnet.server.routes.Schemas.ID;
import static org.wardnet.server.routes.Schemas.TEXT;
import static org.wardnet.server.routes.Schemas.ref;

import java.util.List;
import org.wardnet.server.health.HealthResource;
import org.wardnet.server.routes.Endpoint;

/**
 * The routes of health: a camera, a subtree's summary, the event stream, each declared once with
 * its handler, access rule, audit decision, body limit and OpenAPI operation.
 */
final class HealthEndpoints {

    private HealthEndpoints() {
    }

    static List<Endpoint> of(HealthResource health) {
        return List.of(
                Endpoint.of(GET, "/api/v1/cameras/{id}/health", health::camera, scoped(HEALTH_READ), NOT_AUDITED,
                        doc("health", "A camera's health: state and since when, last probe, last error, stream "
                                + "codec and size, recent history")
                                .path("id", ID)
                                .returns(200, "OK", json(ref("CameraHealth")))
                                .problem(404, "No such camera")
                                .problem(503, "Store unavailable")),
                Endpoint.of(GET, "/api/v1/health/summary", health::summary, scoped(HEALTH_READ), NOT_AUDITED,
                        doc("health", "Cameras per health state in a site's subtree, and per child site")
                                .query("site", TEXT, "The subtree's root; the CENTER when absent")
                                .returns(200, "OK", json(ref("HealthSummary")))
                                .problem(400, "Unknown site")),
                Endpoint.of(GET, "/api/v1/health/states", health::states, scoped(HEALTH_READ), NOT_AUDITED,
                        doc("health", "The state of every camera the caller sees, by camera id (for a map or a "
                                + "room's list); not paged")
                                .query("site", TEXT, "Only this site's subtree")
                                .returns(200, "OK", json(ref("HealthStates")))
                                .problem(400, "Unknown site")),
                Endpoint.of(GET, "/api/v1/events", health::events, scoped(HEALTH_READ), NOT_AUDITED,
                        doc("health", "Health events as server-sent events (event: health or alarm; data: a "
                                + "HealthEvent); stays open")
                                .query("alarms", FLAG, "Only alarms")
                                .returns(200, "An event stream", content("text/event-stream", TEXT))));
    }
}
