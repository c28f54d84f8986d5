package org.wardnet.core.registry;

import java.util.List;
import java.util.Objects;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.errors.FieldError;

/**
 * Either a valid value or the reasons it is not one.
 *
 * @param value  the value; null when invalid
 * @param errors empty when valid
 * @param <T>    the value's type
 */
public record Validated<T>(T value, List<FieldError> errors) {

    public Validated {
        errors = List.copyOf(errors);
        if ((value == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("exactly one of value and errors must be given");
        }
    }

    public static <T> Validated<T> valid(T value) {
        return new Validated<>(Objects.requireNonNull(value), List.of());
    }

    public static <T> Validated<T> invalid(List<FieldError> errors) {
        return new Validated<>(null, errors);
    }

    public boolean isValid() {
        return value != null;
    }

    /** The value, or an {@link DomainException} of kind INVALID carrying the errors. */
    public T orThrow(String what) {
        if (value == null) {
            throw DomainException.invalid(what + " is invalid: "
                    + String.join("; ", errors.stream().map(FieldError::toString).toList()), errors);
        }
        return value;
    }
}
