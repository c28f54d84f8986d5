package org.wardnet.server.api;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static io.netty.handler.codec.http.HttpMethod.PUT;
import static org.wardnet.core.access.Permission.HEALTH_READ;
import static org.wardnet.core.access.Permission.SYNC;
import static org.wardnet.core.access.Permission.USERS_ADMIN;
import static org.wardnet.server.routes.Access.district;
import static org.wardnet.server.routes.Access.scoped;
import static org.wardnet.server.routes.Endpoint.NOT_AUDITED;
import static org.wardnet.server.routes.Operation.content;
import static org.wardnet.server.routes.Operation.doc;
import static org.wardnet.server.routes.Operation.json;
import static org.wardnet.server.routes.Schemas.ID;
import static org.wardnet.server.routes.Schemas.ref;
import static org.wardnet.server.routes.Schemas.schema;

import java.util.List;
import org.wardnet.server.routes.Endpoint;

/**
 * The routes of tier nodes: this node's children, registered, listed and revoked, and their pushes
 * upward; each declared once with its handler, access rule, audit decision and OpenAPI operation.
 */
final class FederationEndpoints {

    private FederationEndpoints() {
    }

    static List<Endpoint> of(NodeResource nodes, SyncResource sync) {
        return List.of(
                Endpoint.of(GET, "/api/v1/sync/state", sync::state, scoped(SYNC), NOT_AUDITED,
                        doc("nodes", "A child node asks where to resume: the highest of its sequence numbers this"
                                + " parent has applied, and its ancestry (the center down to its own site)")
                                .returns(200, "OK", json(ref("SyncState")))),
                Endpoint.of(POST, "/api/v1/sync/changes", sync::push, scoped(SYNC), "sync.push",
                        doc("nodes", "A child node pushes its journal's changes (NDJSON, one change per line, maybe"
                                + " gzipped with Content-Encoding: gzip, its newest sequence number in Wardnet-Journal-Head,"
                                + " rising sequence numbers, and optionally the number the batch continues from in"
                                + " Wardnet-Journal-After); changes at or below the acknowledged number are"
                                + " skipped, the rest applied in order; a batch reaching outside the node's subtree"
                                + " is refused whole, and so is one that continues from a number not applied yet")
                                .body(content(SyncResource.NDJSON, schema("{\"type\":\"string\","
                                        + "\"description\":\"one SyncChange per line\"}")))
                                .returns(200, "Applied; the acknowledged number", json(ref("SyncReceipt")))
                                .problem(400, "A line that is no change, falling numbers, a kind not synced yet")
                                .problem(403, "A change outside the node's subtree; nothing applied")
                                .problem(409, "sync-out-of-step: Wardnet-Journal-After is above the acknowledged"
                                        + " number (the batch before it is not applied yet); nothing applied")
                                .problem(413, "Over server.maxImportBodyBytes, inflated")
                                .problem(415, "Not NDJSON, or an encoding other than gzip")).withBody(Endpoint.Body.BULK),
                Endpoint.of(PUT, "/api/v1/sync/access", sync::announce, scoped(SYNC), "sync.access",
                        doc("nodes", "A child node says how this node reaches its API for footage: its address, the"
                                + " certificate to pin (PEM; omit for plain HTTP or one the JDK trusts) and a token of"
                                + " the account it made for its parent (kept sealed)")
                                .body(json(schema("{\"type\":\"object\",\"required\":[\"url\",\"token\"],"
                                        + "\"properties\":{\"url\":{\"type\":\"string\"},\"certificate\":"
                                        + "{\"type\":\"string\"},\"token\":{\"type\":\"string\"}}}")))
                                .returns(200, "Kept", json(schema("{\"type\":\"object\",\"properties\":{\"node\":"
                                        + "{\"type\":\"string\"},\"url\":{\"type\":\"string\"},\"pinned\":"
                                        + "{\"type\":\"boolean\"}}}")))
                                .problem(400, "No address or token, an address that is not http(s), a certificate"
                                        + " that is not PEM")),
                Endpoint.of(POST, "/api/v1/nodes", nodes::register, district(USERS_ADMIN), "node.register",
                        doc("nodes", "Register a child tier node for a substation or room: an account with the node"
                                + " role on that site, and its token (in this answer only), which the child is"
                                + " configured with")
                                .body(json(ref("NodeInput")))
                                .returns(201, "Registered; Location names it", json(ref("NodeRegistered")))
                                .problem(400, "Bad id, unknown site, or the center")
                                .problem(409, "A node with this id exists")),
                Endpoint.of(GET, "/api/v1/nodes", nodes::list, district(HEALTH_READ), NOT_AUDITED,
                        doc("nodes", "This node's children, revoked ones included, each with the highest of its"
                                + " sequence numbers applied here and its link: UP, DOWN (silent past"
                                + " federation.staleAfterSeconds) or REVOKED, with the lag in rows and seconds")
                                .returns(200, "OK", json(ref("NodePage")))),
                Endpoint.of(GET, "/api/v1/nodes/{id}", nodes::one, district(HEALTH_READ), NOT_AUDITED,
                        doc("nodes", "One child node as in the list, with its link's recent alarms and recoveries")
                                .path("id", ID)
                                .returns(200, "OK", json(ref("Node")))
                                .problem(404, "No such node")),
                Endpoint.of(DELETE, "/api/v1/nodes/{id}", nodes::revoke, district(USERS_ADMIN), "node.revoke",
                        doc("nodes", "Revoke a child node: its account is disabled and its tokens revoked, at once")
                                .path("id", ID)
                                .returns(200, "Revoked", json(ref("Node")))
                                .problem(404, "No such node")));
    }
}
