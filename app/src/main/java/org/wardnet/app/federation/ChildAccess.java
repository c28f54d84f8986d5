package org.wardnet.app.federation;

import java.util.Optional;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.federation.NodeAccess;
import org.wardnet.core.federation.NodeAccessStore;

/**
 * How this node reaches each child's API, as each child announced it after resuming: kept (the
 * token sealed) so that footage is fetched from the owner after a restart of either side too.
 */
public final class ChildAccess {

    private final NodeAccessStore store;

    public ChildAccess(NodeAccessStore store) {
        this.store = store;
    }

    /**
     * Keeps what the calling node announced, replacing what it said before.
     *
     * @throws DomainException FORBIDDEN for a caller that is no node, INVALID for an announcement that cannot be used
     */
    public NodeAccess announce(Caller caller, String url, String certificatePem, String token) {
        String node = Nodes.nodeOf(caller);
        NodeAccess access;
        try {
            access = new NodeAccess(url == null ? "" : url, certificatePem, token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("access", e.getMessage());
        }
        store.put(node, access);
        return access;
    }

    /** What {@code node} announced last; empty before its first announcement. */
    public Optional<NodeAccess> of(String node) {
        return store.get(node);
    }
}
