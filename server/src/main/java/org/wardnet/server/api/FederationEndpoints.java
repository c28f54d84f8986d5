package org.wardnet.server.api;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static org.wardnet.core.access.Permission.HEALTH_READ;
import static org.wardnet.core.access.Permission.USERS_ADMIN;
import static org.wardnet.server.routes.Access.district;
import static org.wardnet.server.routes.Endpoint.NOT_AUDITED;
import static org.wardnet.server.routes.Operation.doc;
import static org.wardnet.server.routes.Operation.json;
import static org.wardnet.server.routes.Schemas.ID;
import static org.wardnet.server.routes.Schemas.ref;

import java.util.List;
import org.wardnet.server.routes.Endpoint;

/**
 * The routes of tier nodes: this node's children, registered, listed and revoked, each declared
 * once with its handler, access rule, audit decision and OpenAPI operation.
 */
final class FederationEndpoints {

    private FederationEndpoints() {
    }

    static List<Endpoint> of(NodeResource nodes) {
        return List.of(
                Endpoint.of(POST, "/api/v1/nodes", nodes::register, district(USERS_ADMIN), "node.register",
                        doc("nodes", "Register a child tier node for a substation or room: an account with the node"
                                + " role on that site, and its token (in this answer only), which the child is"
                                + " configured with")
                                .body(json(ref("NodeInput")))
                                .returns(201, "Registered; Location names it", json(ref("NodeRegistered")))
                                .problem(400, "Bad id, unknown site, or the center")
                                .problem(409, "A node with this id exists")),
                Endpoint.of(GET, "/api/v1/nodes", nodes::list, district(HEALTH_READ), NOT_AUDITED,
                        doc("nodes", "This node's children, revoked ones included")
                                .returns(200, "OK", json(ref("NodePage")))),
                Endpoint.of(DELETE, "/api/v1/nodes/{id}", nodes::revoke, district(USERS_ADMIN), "node.revoke",
                        doc("nodes", "Revoke a child node: its account is disabled and its tokens revoked, at once")
                                .path("id", ID)
                                .returns(200, "Revoked", json(ref("Node")))
                                .problem(404, "No such node")));
    }
}
