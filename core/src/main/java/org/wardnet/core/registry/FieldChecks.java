package org.wardnet.core.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.wardnet.core.errors.FieldError;

/**
 * Collects {@link FieldError}s while an input is checked field by field, so that one answer
 * names every problem instead of the first. Not thread-safe; one per validation.
 */
final class FieldChecks {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    String id(String field, String value) {
        if (value == null) {
            add(field, "required");
        } else if (!Ids.isValid(value)) {
            add(field, "must be " + Ids.RULE);
        }
        return value;
    }

    /** Required text of 1 to {@code max} characters with no control characters. */
    String requiredText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "required, 1 to " + max + " characters");
            return value;
        }
        return optionalText(field, value, max);
    }

    /** Optional text; blank becomes null. */
    String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            add(field, "at most " + max + " characters, got " + value.length());
        } else if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            add(field, "must not contain control characters");
        }
        return value.strip();
    }

    <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "required, one of " + List.of(type.getEnumConstants()));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            add(field, "must be one of " + List.of(type.getEnumConstants()) + ", got '" + value + "'");
            return null;
        }
    }

    /** A URL of one of {@code schemes} with a host and no user:password part; null stays null. */
    String url(String field, String value, Set<String> schemes) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 2048) {
            add(field, "at most 2048 characters");
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!schemes.contains(scheme)) {
                add(field, "must be a " + String.join(" or ", schemes) + " URL, got '" + value + "'");
            } else if (uri.getHost() == null) {
                add(field, "must name a host, got '" + value + "'");
            } else if (uri.getRawUserInfo() != null) {
                add(field, "must not carry credentials; put them in username and password");
            } else {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            add(field, "is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
        return null;
    }
}
