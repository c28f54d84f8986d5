package org.wardnet.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.wardnet.app.federation.ChildChanges;
import org.wardnet.app.federation.NodeHealth;
import org.wardnet.app.federation.NodeLinks;
import org.wardnet.app.federation.Nodes;
import org.wardnet.app.federation.SyncRecords;
import org.wardnet.app.health.HealthEventHub;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.federation.SyncProgress;
import org.wardnet.core.federation.SyncedChanges;
import org.wardnet.core.install.VerificationStore;
import org.wardnet.core.registry.Registry;

/**
 * This node as a parent: its registered child nodes, whether each is in touch, what they reported
 * of their cameras' health, and the handler of their pushes. Every node has it; a node no child
 * has been registered at simply has nothing in it.
 */
final class ChildNodes implements AutoCloseable {

    private final Nodes nodes;
    private final NodeLinks links;
    private final NodeHealth health;
    private final ChildChanges changes;

    private ChildNodes(Nodes nodes, NodeLinks links, NodeHealth health, ChildChanges changes) {
        this.nodes = nodes;
        this.links = links;
        this.health = health;
        this.changes = changes;
    }

    /**
     * @param hub where a child going unreachable (an alarm) or back is told, and where the health
     *            events children push are passed to live subscribers
     * @param full whether this is the store's full server: it alone takes children's pushes and
     *             watches their links (a server with {@code server.role = api} does neither)
     */
    static ChildNodes start(WardnetConfig config, Registry registry, Nodes nodes, SyncProgress progress,
            SyncedChanges synced, SyncRecords records, HealthEventHub hub, VerificationStore verifications,
            MeterRegistry meters, boolean full) {
        Clock clock = Clock.systemUTC();
        NodeLinks links = new NodeLinks(nodes, hub,
                Duration.ofSeconds(config.get(WardnetKeys.FEDERATION_STALE_AFTER_SECONDS)), clock);
        if (full) {
            Set<String> published = ConcurrentHashMap.newKeySet();
            links.start(() -> nodes.list().stream().filter(node -> published.add(node.id()))
                    .forEach(node -> publish(meters, links, node.id())));
        }
        NodeHealth health = new NodeHealth(nodes, links, registry, synced.states());
        return new ChildNodes(nodes, links, health,
                new ChildChanges(registry, records, progress, synced, health, links, hub::publish, verifications,
                        clock, full));
    }

    /** Gauges of one node's link, tagged with its id. */
    private static void publish(MeterRegistry meters, NodeLinks links, String node) {
        Gauge.builder("wardnet.node.up", () -> links.link(node).reachable() && !links.stale(node) ? 1 : 0)
                .description("Whether a child node is syncing (1) or unreachable or revoked (0)").tag("node", node)
                .register(meters);
        Gauge.builder("wardnet.node.lag.rows", () -> links.link(node).lagRows())
                .description("Changes a child node holds that are not applied here, as its last push said")
                .tag("node", node).register(meters);
        Gauge.builder("wardnet.node.lag.seconds", () -> links.link(node).lagSeconds())
                .description("Seconds since this node last held all of a child node's changes").tag("node", node)
                .register(meters);
    }

    Nodes nodes() {
        return nodes;
    }

    NodeLinks links() {
        return links;
    }

    NodeHealth health() {
        return health;
    }

    ChildChanges changes() {
        return changes;
    }

    @Override
    public void close() {
        links.close();
    }
}
