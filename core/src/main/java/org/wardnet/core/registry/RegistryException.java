package org.wardnet.core.registry;

import java.util.List;

/**
 * A registry request that cannot be carried out. The {@link Kind} tells the API which status to
 * answer; the message is written for the person who sent the request.
 */
public final class RegistryException extends RuntimeException {

    /** Why the request failed. */
    public enum Kind {
        /** The input itself is wrong (field errors say where). */
        INVALID,
        /** A referenced entity does not exist. */
        NOT_FOUND,
        /** The input is well-formed but clashes with the registry's current state. */
        CONFLICT
    }

    private final Kind kind;
    private final List<FieldError> errors;

    private RegistryException(Kind kind, String message, List<FieldError> errors) {
        super(message);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static RegistryException invalid(String message, List<FieldError> errors) {
        return new RegistryException(Kind.INVALID, message, errors);
    }

    public static RegistryException invalid(String field, String reason) {
        return new RegistryException(Kind.INVALID, field + ": " + reason, List.of(new FieldError(field, reason)));
    }

    public static RegistryException notFound(String message) {
        return new RegistryException(Kind.NOT_FOUND, message, List.of());
    }

    public static RegistryException conflict(String message) {
        return new RegistryException(Kind.CONFLICT, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
