package org.wardnet.core.federation;

import java.time.Instant;
import java.util.Objects;
import org.wardnet.core.health.HealthEvent;

/**
 * The latest state a descendant node reported for one subject: a camera's health state, a site's
 * reachability, or a deeper node's link (REACHABLE, UNREACHABLE) with the site its subtree hangs
 * from. Kept by the parent so that it answers with the last known state, and its age, while the
 * node is out of reach.
 *
 * @param node      the direct child node the report came through
 * @param since     when the subject entered the state, by the reporting node's clock
 * @param rootSite  for a NODE subject: the root of that node's subtree; otherwise null
 */
public record SyncedState(HealthEvent.Subject subject, String id, String node, String state, Instant since,
        String reason, String rootSite) {

    public SyncedState {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
