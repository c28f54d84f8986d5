package org.wardnet.core.federation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.health.HealthEvent;

/**
 * Where a parent keeps what its child nodes push besides the registry: their health events (its
 * history), the latest state per subject, and their clip index rows (in its own clip index, so
 * that its footage queries, coverage and follow see the whole district). A push's rows and the
 * node's new acknowledgement commit in one transaction: a change is applied exactly once even if
 * the parent dies between applying and answering.
 *
 * <p>Limits: a clip row holds metadata only; its media stays on the node, named by the node's id
 * for it.
 */
public interface SyncedChanges {

    /**
     * One push's changes other than sites and cameras.
     *
     * @param clipPuts    the node's clips, each with the node's own id for it
     * @param clipDeletes the node's ids of clips it no longer holds
     * @param staleBefore when the push ends a full re-send that began at this sequence number: the
     *                    node's clips no push since then wrote are dropped; otherwise null
     * @param auditHeads  the ends of the node's audit chain it sent, in order
     */
    record Batch(List<HealthEvent> events, List<SyncedState> states, List<Clip> clipPuts, List<Long> clipDeletes,
            Long staleBefore, List<AuditStore.Head> auditHeads) {
        public Batch {
            events = List.copyOf(events);
            states = List.copyOf(states);
            clipPuts = List.copyOf(clipPuts);
            clipDeletes = List.copyOf(clipDeletes);
            auditHeads = List.copyOf(auditHeads);
        }

        public Batch(List<HealthEvent> events, List<SyncedState> states, List<Clip> clipPuts, List<Long> clipDeletes) {
            this(events, states, clipPuts, clipDeletes, null, List.of());
        }

        public boolean isEmpty() {
            return events.isEmpty() && states.isEmpty() && clipPuts.isEmpty() && clipDeletes.isEmpty()
                    && staleBefore == null && auditHeads.isEmpty();
        }
    }

    /** The last audit chain end {@code node} sent, if any. */
    Optional<AuditStore.Head> auditHead(String node);

    /** Applies {@code batch} for {@code node} and records {@code ackedSeq} as its progress, together. */
    void apply(String node, Batch batch, long ackedSeq, Instant at);

    /** Every subject's latest synced state, to seed the parent's view at start. */
    List<SyncedState> states();
}
