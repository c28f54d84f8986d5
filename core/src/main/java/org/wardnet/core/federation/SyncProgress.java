package org.wardnet.core.federation;

import java.time.Instant;
import java.util.Map;

/**
 * What a parent has applied of each child node's journal: the highest sequence number, and when
 * the node last pushed. Kept durably, so a restarted parent tells its children where to resume.
 */
public interface SyncProgress {

    /** A node's progress. */
    record Progress(long ackedSeq, Instant lastPush) {
    }

    /** The highest sequence applied for {@code node}; 0 before its first push. */
    long acked(String node);

    /** Records that {@code node}'s changes up to {@code seq} are applied (a lower number is ignored). */
    void acked(String node, long seq, Instant at);

    /** Every node's progress, by node id. */
    Map<String, Progress> all();
}
