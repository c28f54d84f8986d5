package org.wardnet.app.registry;

import java.util.Optional;
import org.wardnet.core.errors.DomainException;

/**
 * Which records another node owns here: a child tier node holds its site's subtree, and the parent
 * keeps only the copy it syncs. Writes to such records at the parent are refused (409, naming the
 * node): the change belongs on the node, whose next push brings it here.
 */
public interface RecordOwners {

    /** Nobody else owns anything (a node without children). */
    RecordOwners NONE = new RecordOwners() {
        @Override
        public Optional<String> ownerOf(String siteId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> ownerWithin(String siteId) {
            return Optional.empty();
        }
    };

    /** The node whose subtree holds {@code siteId}, if any. */
    Optional<String> ownerOf(String siteId);

    /** A node whose subtree lies in or under {@code siteId}, if any (a delete of it would reach the node's records). */
    Optional<String> ownerWithin(String siteId);

    /** @throws DomainException CONFLICT naming the node that owns {@code siteId} */
    default void requireOwnedHere(String siteId, String what) {
        Optional<String> node = siteId == null ? Optional.empty() : ownerOf(siteId);
        if (node.isPresent()) {
            throw refused(what, node.get());
        }
    }

    /** The 409 for a write to a child node's records. */
    static DomainException refused(String what, String node) {
        return new DomainException(DomainException.Kind.CONFLICT, "owned-by-node", "Owned by a tier node",
                what + " is held by tier node '" + node + "': change it there, and its next push brings the change"
                        + " here").with("node", node);
    }
}
