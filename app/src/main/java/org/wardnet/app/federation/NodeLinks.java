package org.wardnet.app.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.health.HealthListener;

/**
 * Whether each child node is in touch: every push and every resume counts as contact (an idle
 * child pushes an empty batch as a heartbeat). A node silent for longer than the stale limit is
 * unreachable: one alarm (a NODE event, REACHABLE to UNREACHABLE, naming since when), and its
 * cameras are shown STALE. The first contact after that clears it with one recovery event.
 *
 * <p>At start every node gets the stale limit's grace from the start itself, so a restarted
 * parent does not alarm on children that have not yet had the chance to reconnect. A revoked
 * node is never alarmed (it is not expected to call), but its cameras are STALE.
 */
public final class NodeLinks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeLinks.class);

    /**
     * A child node's link as ops see it.
     *
     * @param head       the node's newest sequence number, as its last push said; -1 before any
     * @param lagRows    changes the node holds that are not applied here (0 when unknown)
     * @param lagSeconds how long since this node last held all the node's changes; 0 when it does
     */
    public record Link(String node, Instant lastContact, boolean reachable, Instant unreachableSince, long head,
            long lagRows, long lagSeconds) {
    }

    /** What the node's last push said of its journal, and when this node last held all of it. */
    private record Progress(long acked, long head, Instant caughtUpAt) {
    }

    private final Nodes nodes;
    private final Duration staleAfter;
    private final Clock clock;
    private final Instant started;
    private final NodeReachability reachability;
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checker;

    /**
     * @param events     told of each node going unreachable (an alarm) and reachable again
     * @param staleAfter how long a node may be silent before it is unreachable
     */
    public NodeLinks(Nodes nodes, HealthListener events, Duration staleAfter, Clock clock) {
        this.nodes = nodes;
        this.reachability = new NodeReachability(events);
        this.staleAfter = staleAfter;
        this.clock = clock;
        this.started = clock.instant();
        this.checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "wardnet-node-links");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Checks the links once a second (a tenth of the limit when that is shorter), then runs
     * {@code afterEachCheck} (say, to publish metrics for nodes registered since).
     */
    public NodeLinks start(Runnable afterEachCheck) {
        long period = Math.max(50, Math.min(1_000, staleAfter.toMillis() / 10));
        checker.scheduleWithFixedDelay(() -> {
            checkSafely();
            afterEachCheck.run();
        }, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** A push or resume from {@code node} arrived. */
    public void contact(String node) {
        reachability.contact(node, siteOf(node), clock.instant());
    }

    /** After a push: what {@code node} said its newest change is, and what is applied here now. */
    public void pushed(String node, long acked, long head) {
        Instant now = clock.instant();
        progress.compute(node, (id, before) -> new Progress(acked, head, acked >= head ? now
                : before == null ? started : before.caughtUpAt()));
    }

    /** Whether {@code node}'s records are out of date: it is unreachable, or revoked. */
    public boolean stale(String node) {
        return reachability.unreachableSince(node).isPresent()
                || nodes.find(node).map(Nodes.Node::revoked).orElse(true);
    }

    /** Since when {@code node} has been unreachable; empty while it is in touch. */
    public Optional<Instant> unreachableSince(String node) {
        return reachability.unreachableSince(node);
    }

    /** {@code node}'s link now. */
    public Link link(String node) {
        Instant since = reachability.unreachableSince(node).orElse(null);
        Progress known = progress.get(node);
        long lagRows = known == null ? 0 : Math.max(0, known.head() - known.acked());
        long lagSeconds = known == null || lagRows == 0 ? 0
                : Math.max(0, Duration.between(known.caughtUpAt(), clock.instant()).toSeconds());
        return new Link(node, reachability.lastContact(node), since == null, since, known == null ? -1 : known.head(), lagRows,
                lagSeconds);
    }

    /** Raises the alarm for each node silent past the limit (once), from the monitor's thread. */
    void check() {
        Instant now = clock.instant();
        for (Nodes.Node node : nodes.list()) {
            if (!node.revoked()) {
                reachability.checkSilence(node.id(), node.siteId(),
                        started.isAfter(node.registered()) ? started : node.registered(), now, staleAfter);
            }
        }
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.error("node link check failed; checks continue: {}", e.toString());
        }
    }

    private String siteOf(String node) {
        return nodes.find(node).map(Nodes.Node::siteId).orElse(null);
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
