package org.wardnet.storage;

/** The store could not be opened or migrated; the message says which store and why. */
public final class StoreOpenException extends RuntimeException {

    public StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
