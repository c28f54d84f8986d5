package org.wardnet.app.audit;

import java.util.List;
import org.wardnet.core.access.Caller;
import org.wardnet.core.audit.AuditEntry;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.errors.DomainException;

/**
 * Reading the hash-chained audit trail, in order. The trail is not divided by site: only a caller
 * whose grant covers the whole district reads it. Reads the store: blocking.
 */
public final class AuditTrail {

    private final AuditStore store;

    public AuditTrail(AuditStore store) {
        this.store = store;
    }

    /**
     * Up to {@code limit} entries after sequence number {@code after}, oldest first.
     *
     * @throws DomainException FORBIDDEN for a caller without the district, INVALID for a negative {@code after}
     */
    public List<AuditEntry> read(Caller caller, long after, int limit) {
        if (!caller.districtWide()) {
            throw DomainException.forbidden("the audit trail needs a grant on the whole district; yours apply to "
                    + caller.scope());
        }
        if (after < 0) {
            throw DomainException.badRequest("after", "a sequence number, 0 or more");
        }
        return store.read(after, limit);
    }
}
