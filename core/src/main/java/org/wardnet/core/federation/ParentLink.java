package org.wardnet.core.federation;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.wardnet.core.registry.Site;

/**
 * A child node's link to its parent, as the upward sync uses it: where to resume, and pushing a
 * batch of changes. Implementations carry the node's token and talk over HTTPS.
 */
public interface ParentLink {

    /**
     * Where to resume: the highest of this node's sequence numbers the parent has applied, and the
     * sites from the center down to this node's own, as the parent holds them.
     *
     * @throws Down    when the parent cannot be reached or does not answer in time
     * @throws Refused when the parent refuses the node (revoked token, out of its subtree...)
     */
    Resume resume();

    /**
     * Tells the parent how to reach this node's API for footage (after each resume).
     *
     * @throws Down    when the parent cannot be reached
     * @throws Refused when the parent refuses it
     */
    void announce(NodeAccess access);

    /** The parent's answer to {@link #resume}. */
    record Resume(long ackedSeq, List<Site> ancestry) {
        public Resume {
            ancestry = List.copyOf(ancestry);
        }
    }

    /**
     * Pushes {@code changes} (in sequence order; none for a heartbeat) and answers the parent's
     * acknowledgement. {@code head} is this node's newest sequence number, so the parent can tell
     * how far behind it is.
     *
     * @throws Down    when the parent cannot be reached, fails, or does not answer in time: retry later
     * @throws Refused when the parent refuses the batch: retrying the same batch will not help
     */
    long push(List<Change> changes, long head);

    /**
     * A batch made ready to go: what the link needs of it that does not depend on the parent
     * (its encoded, compressed body, say), so that it can be made while the batch before it is
     * still on its way.
     */
    interface Outgoing {
        /** The batch's changes, in sequence order. */
        List<Change> changes();
    }

    /** Makes {@code changes} ready to {@linkplain #push(Outgoing, long) push}; by default, nothing to do ahead. */
    default Outgoing prepare(List<Change> changes) {
        List<Change> batch = List.copyOf(changes);
        return () -> batch;
    }

    /** Pushes a batch {@linkplain #prepare prepared} by this link, as {@link #push(List, long)} does. */
    default long push(Outgoing batch, long head) {
        return push(batch.changes(), head);
    }

    /**
     * Pushes a batch {@linkplain #prepare prepared} by this link without waiting for the answer,
     * naming {@code after}, the sequence number the batch continues from, so that a second batch
     * may be sent while the first is on its way: the parent refuses one whose predecessor it has
     * not applied ({@link OutOfStep}). The answer completes with the acknowledgement or fails with
     * {@link Down}, {@link Refused} or {@link OutOfStep}. By default the push is made at once, on
     * the caller's thread, and only then answered (one batch on its way at a time).
     */
    default CompletableFuture<Long> pushAfter(Outgoing batch, long after, long head) {
        try {
            return CompletableFuture.completedFuture(push(batch, head));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The link is down or the parent failed: nothing is known to be applied. */
    final class Down extends RuntimeException {
        public Down(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The parent refused a batch because the one it continues from is not applied there (lost,
     * or overtaken by this one on its way): nothing of it was applied; ask where to resume.
     */
    final class OutOfStep extends RuntimeException {
        public OutOfStep(String message) {
            super(message);
        }
    }

    /** The parent answered, and refused (4xx): the reason is its problem detail. */
    final class Refused extends RuntimeException {
        private final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
