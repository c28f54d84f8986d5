package org.wardnet.core.audit;

/**
 * Stored audit entries that cannot be read back at all (their bytes no longer decode): the trail
 * is broken there just as when an entry's hash does not match, and is reported the same way.
 */
public final class AuditDamageException extends IllegalStateException {

    private final long seq;
    private final String reason;

    public AuditDamageException(long seq, String reason, Throwable cause) {
        super("the audit trail is damaged from entry " + seq + ": " + reason, cause);
        this.seq = seq;
        this.reason = reason;
    }

    /** The first entry that cannot be read. */
    public long seq() {
        return seq;
    }

    /** Why, without the entry's number. */
    public String reason() {
        return reason;
    }
}
