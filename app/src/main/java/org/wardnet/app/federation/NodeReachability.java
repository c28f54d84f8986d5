package org.wardnet.app.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.health.HealthListener;

/**
 * Each child node's last contact and whether it is unreachable, with the NODE events that its
 * changes raise. A contact and the check that finds a node silent are decided and told under one
 * lock, so the events leave in the order the changes happened: a push that arrives while the
 * checker is raising its alarm is told after that alarm, as its recovery. (Told the other way
 * round, a parent applying them in order would keep the node's cameras STALE for good.)
 *
 * <p>Limits: the listener is called under the lock and must return at once (a queue's offer).
 */
final class NodeReachability {

    private static final Logger LOG = LoggerFactory.getLogger(NodeReachability.class);

    private final HealthListener events;
    private final Map<String, Instant> lastContact = new HashMap<>();
    private final Map<String, Instant> unreachableSince = new HashMap<>();

    NodeReachability(HealthListener events) {
        this.events = events;
    }

    /** A push or resume from {@code node} (whose site is {@code siteId}) arrived at {@code now}. */
    synchronized void contact(String node, String siteId, Instant now) {
        lastContact.put(node, now);
        Instant since = unreachableSince.remove(node);
        if (since != null) {
            LOG.info("node {} is in touch again after {} s", node, Duration.between(since, now).toSeconds());
            events.on(new HealthEvent(now, HealthEvent.Subject.NODE, node, "UNREACHABLE", "REACHABLE",
                    "node " + node + " is syncing again (unreachable since " + since + ")", false, siteId));
        }
    }

    /**
     * Raises the alarm if {@code node} has been silent for longer than {@code staleAfter} at
     * {@code now}, counting from its last contact or, before any, from {@code silentFrom}; once.
     */
    synchronized void checkSilence(String node, String siteId, Instant silentFrom, Instant now, Duration staleAfter) {
        if (unreachableSince.containsKey(node)) {
            return;
        }
        Instant last = lastContact.getOrDefault(node, silentFrom);
        if (Duration.between(last, now).compareTo(staleAfter) > 0) {
            unreachableSince.put(node, last);
            LOG.warn("node {} unreachable: no sync since {}", node, last);
            events.on(new HealthEvent(now, HealthEvent.Subject.NODE, node, "REACHABLE", "UNREACHABLE",
                    "no sync from node " + node + " since " + last + " (federation.staleAfterSeconds "
                            + staleAfter.toSeconds() + ")", true, siteId));
        }
    }

    synchronized Optional<Instant> unreachableSince(String node) {
        return Optional.ofNullable(unreachableSince.get(node));
    }

    synchronized Instant lastContact(String node) {
        return lastContact.get(node);
    }
}
