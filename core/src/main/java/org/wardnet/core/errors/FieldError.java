package org.wardnet.core.errors;

import java.util.Objects;

/**
 * One reason an input was refused.
 *
 * @param field  the input field, dotted for nested ones ({@code location.lat}); "" for the whole input
 * @param reason what is wrong and what would be accepted
 */
public record FieldError(String field, String reason) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return field.isEmpty() ? reason : field + ": " + reason;
    }
}
