package org.wardnet.core.federation;

import java.time.Instant;
import java.util.Objects;

/**
 * One committed change of a child node, as it is pushed to the parent: what kind of record, put or
 * deleted, its key, and the record itself as JSON (metadata only: media stays on the child).
 *
 * @param seq     the journal's sequence number: the order the changes committed in
 * @param payload the record as JSON for a PUT; null for a DELETE
 */
public record Change(long seq, Kind kind, Op op, String key, String payload, Instant at) {

    /**
     * What a change is about. HEALTH is an event for the parent's history; STATE is the latest
     * state of a subject re-sent by a {@link #SNAPSHOT} (no history entry); a SNAPSHOT change marks
     * the start ({@code begin}) and the end ({@code end}) of a full re-send.
     */
    public enum Kind {
        SITE, CAMERA, HEALTH, STATE, VERIFICATION, CLIP, AUDIT_HEAD, SNAPSHOT
    }

    /** What happened to the record. */
    public enum Op {
        PUT, DELETE
    }

    public Change {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1: " + seq);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(at, "at");
        if (key == null || key.isEmpty() || key.length() > 200) {
            throw new IllegalArgumentException("key must have 1 to 200 characters: " + key);
        }
        if ((op == Op.PUT) != (payload != null)) {
            throw new IllegalArgumentException(op + " " + kind + " " + key + (op == Op.PUT ? " needs" : " takes no")
                    + " payload");
        }
    }
}
