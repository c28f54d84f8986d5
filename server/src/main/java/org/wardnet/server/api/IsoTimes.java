package org.wardnet.server.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 times with an offset, as query parameters carry them. The shape nearly every client
 * sends, {@code 2026-11-29T14:00:00Z}, is read digit by digit; anything else, and anything that
 * shape holds but no calendar has (the 30th of February, hour 24), goes to java.time's parser, so
 * what is accepted and what is refused is exactly what {@link OffsetDateTime#parse} decides. The
 * general parser costs a few microseconds a call, a fifth of a footage query's whole time on the
 * event loop.
 */
final class IsoTimes {

    private static final int SHAPE_LENGTH = 20; // yyyy-MM-ddTHH:mm:ssZ

    private IsoTimes() {
    }

    /** @throws DateTimeParseException as {@link OffsetDateTime#parse} does */
    static Instant parse(CharSequence text) {
        if (text.length() == SHAPE_LENGTH && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException notOnTheCalendar) {
                    // the general parser decides, and words the refusal
                }
            }
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
