package org.wardnet.core.registry;

/** The store could not be reached or refused a write; nothing of the failed write was kept. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
