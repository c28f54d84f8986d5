package org.wardnet.app.federation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.federation.SyncProgress;
import org.wardnet.core.federation.SyncedChanges;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.health.HealthHistory;

/**
 * Each child node as ops see it: the node, the highest of its sequence numbers applied here and
 * when it last pushed, its link (in touch or since when not, lag in rows and seconds), the end of
 * its audit chain as it last sent it, and, for one node, its recent alarms and recoveries (link,
 * audit chain).
 */
public final class NodeStatus {

    /** Link events shown with one node. */
    static final int EVENTS = 20;

    /**
     * @param auditHead  the end of the node's audit chain as it last sent it; null before it has
     * @param linkEvents newest first; empty in a list of all nodes
     */
    public record Report(Nodes.Node node, long ackedSeq, Instant lastPush, NodeLinks.Link link,
            AuditStore.Head auditHead, List<HealthEvent> linkEvents) {
    }

    private final Nodes nodes;
    private final SyncProgress progress;
    private final NodeLinks links;
    private final HealthHistory history;
    private final SyncedChanges synced;

    public NodeStatus(Nodes nodes, SyncProgress progress, NodeLinks links, HealthHistory history,
            SyncedChanges synced) {
        this.nodes = nodes;
        this.progress = progress;
        this.links = links;
        this.history = history;
        this.synced = synced;
    }

    /** Every node, by id (reads the progress store once). */
    public List<Report> all() {
        Map<String, SyncProgress.Progress> applied = progress.all();
        return nodes.list().stream().map(node -> report(node, applied.get(node.id()), List.of())).toList();
    }

    /** @throws DomainException NOT_FOUND when there is no such node */
    public Report one(String id) {
        Nodes.Node node = nodes.find(id).orElseThrow(() -> DomainException.notFound("no node '" + id + "'"));
        return report(node, progress.all().get(id), history.recent(id, EVENTS));
    }

    private Report report(Nodes.Node node, SyncProgress.Progress applied, List<HealthEvent> events) {
        return new Report(node, applied == null ? 0 : applied.ackedSeq(), applied == null ? null : applied.lastPush(),
                links.link(node.id()), synced.auditHead(node.id()).orElse(null), events);
    }
}
