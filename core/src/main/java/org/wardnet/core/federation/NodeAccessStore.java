package org.wardnet.core.federation;

import java.util.Optional;

/** Where a parent keeps what each child node announced of its API ({@link NodeAccess}); tokens sealed at rest. */
public interface NodeAccessStore {

    void put(String node, NodeAccess access);

    Optional<NodeAccess> get(String node);
}
