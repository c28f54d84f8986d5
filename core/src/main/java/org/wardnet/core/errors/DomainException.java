package org.wardnet.core.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request the domain cannot carry out, said in the domain's words: what kind of failure it is,
 * a stable code naming this failure (for machines), a short title (the same for every failure of
 * that code) and a detail written for the person who sent the request. Callers of any transport
 * map the {@link Kind} to their own status; nothing here knows HTTP.
 *
 * <p>Limits: {@code attributes} carries only small values (numbers, strings, lists of them) that a
 * caller may show; never a secret.
 */
public class DomainException extends RuntimeException {

    /** What sort of failure it is; each transport maps these to its own statuses in one place. */
    public enum Kind {
        /** The input itself is wrong; field errors say where. */
        INVALID,
        /** No valid credentials came with the request. */
        UNAUTHENTICATED,
        /** The caller is known but may not do this. */
        FORBIDDEN,
        /** What the request names does not exist, or lies outside the caller's scope. */
        NOT_FOUND,
        /** The input is well-formed but clashes with the current state. */
        CONFLICT,
        /** The input is larger than a configured limit. */
        TOO_LARGE,
        /** Well-formed and allowed, but it cannot be carried out (nothing to cut, a batch with bad rows). */
        UNPROCESSABLE,
        /** It existed, but is no longer there (a clip's file removed behind the index's back). */
        GONE,
        /** Too many attempts in a window; {@link #retryAfterSeconds()} says when to try again. */
        THROTTLED,
        /** A store or queue cannot take the work now; nothing of it was kept. */
        UNAVAILABLE,
        /** The disk has no room for what the request must write; nothing of it was kept. */
        INSUFFICIENT_STORAGE
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final List<FieldError> errors;
    private final int retryAfterSeconds;
    private final Map<String, Object> attributes;

    /**
     * @param kind              what sort of failure
     * @param code              a stable slug naming this failure ({@code not-found}, {@code login-throttled})
     * @param title             short, the same for every failure with this code
     * @param detail            what went wrong with this request and what to do
     * @param errors            per-field reasons; may be empty
     * @param retryAfterSeconds when a retry may succeed; 0 when unknown or never
     * @param attributes        further small values for the caller; may be empty
     * @param cause             the underlying failure, or null
     */
    protected DomainException(Kind kind, String code, String title, String detail, List<FieldError> errors,
            int retryAfterSeconds, Map<String, Object> attributes, Throwable cause) {
        super(detail, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.title = Objects.requireNonNull(title, "title");
        this.errors = List.copyOf(errors);
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative: " + retryAfterSeconds);
        }
        this.retryAfterSeconds = retryAfterSeconds;
        this.attributes = Map.copyOf(attributes);
    }

    public DomainException(Kind kind, String code, String title, String detail) {
        this(kind, code, title, detail, List.of(), 0, Map.of(), null);
    }

    public static DomainException invalid(String detail, List<FieldError> errors) {
        return new DomainException(Kind.INVALID, "invalid", "Invalid input", detail, errors, 0, Map.of(), null);
    }

    /** {@code what} is invalid, every field error named in the detail. */
    public static DomainException invalidInput(String what, List<FieldError> errors) {
        return invalid(what + " is invalid: " + String.join("; ", errors.stream().map(FieldError::toString).toList()),
                errors);
    }

    public static DomainException invalid(String field, String reason) {
        return invalid(field + ": " + reason, List.of(new FieldError(field, reason)));
    }

    /** A request that cannot be read as meant, with no one field to blame. */
    public static DomainException badRequest(String detail) {
        return new DomainException(Kind.INVALID, "bad-request", "Bad request", detail);
    }

    /** A request that cannot be read as meant because of one field, named with what is wrong. */
    public static DomainException badRequest(String field, String reason) {
        return new DomainException(Kind.INVALID, "bad-request", "Bad request", field + ": " + reason,
                List.of(new FieldError(field, reason)), 0, Map.of(), null);
    }

    public static DomainException notFound(String detail) {
        return new DomainException(Kind.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(Kind.CONFLICT, "conflict", "Conflict", detail);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(Kind.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /** A bounded queue is full: the work was not taken; a retry in a moment may be. */
    public static DomainException busy(String detail) {
        return new DomainException(Kind.UNAVAILABLE, "busy", "Server busy", detail, List.of(), 1, Map.of(), null);
    }

    /** The same failure with one more attribute for the caller. */
    public DomainException with(String attribute, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(attributes);
        more.put(attribute, value);
        return new DomainException(kind, code, title, getMessage(), errors, retryAfterSeconds, more, getCause());
    }

    /** The same failure, retryable after {@code seconds}. */
    public DomainException retryAfter(int seconds) {
        return new DomainException(kind, code, title, getMessage(), errors, seconds, attributes, getCause());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Map<String, Object> attributes() {
        return attributes;
    }
}
