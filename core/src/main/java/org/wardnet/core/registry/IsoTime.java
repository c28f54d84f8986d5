package org.wardnet.core.registry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.wardnet.core.errors.FieldError;

/** Reads an ISO-8601 time with an offset from an input field, recording a {@link FieldError} when it is not one. */
public final class IsoTime {

    private IsoTime() {
    }

    /** The time in {@code text}; null (and an error) when missing or unreadable. */
    public static Instant required(List<FieldError> errors, String field, String text) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "required, ISO-8601 with an offset, such as 2026-11-29T14:00:00Z"));
            return null;
        }
        return optional(errors, field, text);
    }

    /** The time in {@code text}; null when absent, or (with an error) when unreadable. */
    public static Instant optional(List<FieldError> errors, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "not an ISO-8601 time with an offset: '" + text + "'"));
            return null;
        }
    }
}
