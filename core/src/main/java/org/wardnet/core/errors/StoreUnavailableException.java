package org.wardnet.core.errors;

import java.util.List;
import java.util.Map;

/**
 * The store could not be reached or refused a write; nothing of the failed write was kept. A
 * retry after a few seconds may succeed.
 */
public final class StoreUnavailableException extends DomainException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, "store-unavailable", "Store unavailable", message, List.of(), 5, Map.of(), cause);
    }
}
