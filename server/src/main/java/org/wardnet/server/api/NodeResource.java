package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.federation.Nodes;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

/**
 * {@code /api/v1/nodes}: the child tier nodes of this node, registered by a district-wide
 * administrator (the answer holds the node's token, once), listed for ops, revoked at once.
 */
final class NodeResource {

    private final Nodes nodes;
    private final BlockingWork work;
    private final JsonCodec json;
    private final RequestBodies bodies;

    NodeResource(Nodes nodes, BlockingWork work, JsonCodec json) {
        this.nodes = nodes;
        this.work = work;
        this.json = json;
        this.bodies = new RequestBodies(json);
    }

    record NewNode(String id, String siteId) {
    }

    record NodeView(String id, String siteId, boolean revoked, Instant registered) {
        static NodeView of(Nodes.Node node) {
            return new NodeView(node.id(), node.siteId(), node.revoked(), node.registered());
        }
    }

    record RegisteredView(NodeView node, String token) {
    }

    CompletableFuture<ApiResponse> register(ApiRequest request) {
        NewNode body = bodies.json(request, NewNode.class);
        if (body == null) {
            throw RequestParams.invalid("id", "a node needs an id and a siteId");
        }
        Caller caller = request.caller();
        return work.submit(() -> {
            Nodes.Registered made = nodes.register(caller, body.id(), body.siteId());
            return ApiResponse.json(HttpResponseStatus.CREATED, json.write(new RegisteredView(
                    NodeView.of(made.node()), made.token()))).withHeader("Location", "/api/v1/nodes/" + made.node().id());
        });
    }

    CompletableFuture<ApiResponse> list(ApiRequest request) {
        return work.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(new ItemsJson<>(
                nodes.list().stream().map(NodeView::of).toList()))));
    }

    CompletableFuture<ApiResponse> revoke(ApiRequest request) {
        String id = request.pathParam("id");
        return work.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(NodeView.of(nodes.revoke(id)))));
    }
}
