package org.wardnet.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The fast reading of {@code yyyy-MM-ddTHH:mm:ssZ} agrees with java.time's parser on everything:
 * the same instant, or the same refusal.
 */
class IsoTimesTest {

    @Property(tries = 5_000)
    void agreesWithJavaTimeOnTheUsualShape(@ForAll("shaped") String text) {
        assertSame(() -> OffsetDateTime.parse(text).toInstant(), () -> IsoTimes.parse(text), text);
    }

    @Property(tries = 2_000)
    void agreesWithJavaTimeOnAnyText(@ForAll("nearlyShaped") String text) {
        assertSame(() -> OffsetDateTime.parse(text).toInstant(), () -> IsoTimes.parse(text), text);
    }

    @Test
    void theCalendarsEdgesAreJavaTimesToDecide() {
        assertEquals(Instant.parse("2026-11-29T14:00:00Z"), IsoTimes.parse("2026-11-29T14:00:00Z"));
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), IsoTimes.parse("2024-02-29T23:59:59Z"));
        for (String refused : new String[] {"2026-02-29T00:00:00Z", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-11-29T14:60:00Z", "2026-11-29T14:00:60Z", "2026-11-29T24:00:00Z", "2026-12-31T23:59:60Z",
            "2026-11-29 14:00:00Z",
            "2026-11-29T14:00:00"}) {
            assertThrows(DateTimeParseException.class, () -> IsoTimes.parse(refused), refused);
        }
        assertEquals(Instant.parse("2026-11-29T13:00:00Z"), IsoTimes.parse("2026-11-29T14:00:00+01:00"));
        assertEquals(Instant.parse("2026-11-29T14:00:00.250Z"), IsoTimes.parse("2026-11-29t14:00:00.25z"));
    }

    @Provide
    Arbitrary<String> shaped() {
        Arbitrary<String> two = Arbitraries.strings().numeric().ofLength(2);
        return Arbitraries.strings().numeric().ofLength(4).flatMap(year -> two.list().ofSize(5).map(parts ->
                year + "-" + parts.get(0) + "-" + parts.get(1) + "T" + parts.get(2) + ":" + parts.get(3) + ":"
                        + parts.get(4) + "Z"));
    }

    @Provide
    Arbitrary<String> nearlyShaped() {
        return shaped().flatMap(text -> Arbitraries.integers().between(0, text.length() - 1).flatMap(at ->
                Arbitraries.of('0', '9', '-', ':', 'T', 't', 'Z', 'z', ' ', '+', '.', '٣').map(c ->
                        text.substring(0, at) + c + text.substring(at + 1))));
    }

    private static void assertSame(Supplier<Instant> expected, Supplier<Instant> actual, String text) {
        Instant want;
        try {
            want = expected.get();
        } catch (DateTimeParseException e) {
            assertThrows(DateTimeParseException.class, actual::get, text);
            return;
        }
        assertEquals(want, actual.get(), text);
    }
}
