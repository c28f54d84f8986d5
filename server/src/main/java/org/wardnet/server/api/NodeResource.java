package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.federation.NodeLinks;
import org.wardnet.app.federation.NodeStatus;
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
    private final NodeStatus status;
    private final BlockingWork work;
    private final JsonCodec json;
    private final RequestBodies bodies;

    NodeResource(Nodes nodes, NodeStatus status, BlockingWork work, JsonCodec json) {
        this.nodes = nodes;
        this.status = status;
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

    /** A node's link: in touch or since when not, and how far behind this node is of its journal. */
    record LinkView(String state, Instant lastContact, Instant unreachableSince, long head, long lagRows,
            long lagSeconds) {
        static LinkView of(NodeLinks.Link link, boolean revoked) {
            return new LinkView(revoked ? "REVOKED" : link.reachable() ? "UP" : "DOWN", link.lastContact(),
                    link.unreachableSince(), link.head(), link.lagRows(), link.lagSeconds());
        }
    }

    record EventView(Instant at, String from, String to, String reason, boolean alarm) {
    }

    record HeadView(long seq, String hash) {
    }

    record StatusView(String id, String siteId, boolean revoked, Instant registered, long ackedSeq, Instant lastPush,
            LinkView link, HeadView auditHead, List<EventView> linkEvents) {
        static StatusView of(NodeStatus.Report report) {
            Nodes.Node node = report.node();
            return new StatusView(node.id(), node.siteId(), node.revoked(), node.registered(), report.ackedSeq(),
                    report.lastPush(), LinkView.of(report.link(), node.revoked()), report.auditHead() == null ? null
                            : new HeadView(report.auditHead().seq(), report.auditHead().hash()),
                    report.linkEvents().isEmpty() ? null
                            : report.linkEvents().stream().map(e -> new EventView(e.at(), e.from(), e.to(), e.reason(),
                                    e.alarm())).toList());
        }
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
                status.all().stream().map(StatusView::of).toList()))));
    }

    CompletableFuture<ApiResponse> one(ApiRequest request) {
        String id = request.pathParam("id");
        return work.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(StatusView.of(status.one(id)))));
    }

    CompletableFuture<ApiResponse> revoke(ApiRequest request) {
        String id = request.pathParam("id");
        return work.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(NodeView.of(nodes.revoke(id)))));
    }
}
