package org.wardnet.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WireTimeTest {

    @Test
    void readsWhatInstantWritesAtEveryPrecision() {
        Random random = new Random(28);
        ChronoUnit[] units = {ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS};
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(1_000_000_000)).truncatedTo(units[i % units.length]);
            String text = instant.toString();
            assertEquals(Instant.parse(text), WireTime.parse(text), text);
        }
    }

    @Test
    void readsRunsOfOneDayAndDaysInTurnAlike() {
        Random random = new Random(29);
        Instant[] days = {Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2024-02-29T00:00:00Z"),
            Instant.parse("1969-12-31T00:00:00Z")};
        for (int i = 0; i < 3_000; i++) {
            Instant day = days[i / 7 % days.length]; // runs of seven on one day, then another day
            String text = day.plusMillis(random.nextLong(86_400_000L)).toString();
            assertEquals(Instant.parse(text), WireTime.parse(text), text);
        }
    }

    @Test
    void readsFractionsOfAnyLengthAsTheIsoParserDoes() {
        for (String text : new String[] {"2026-11-01T08:00:00.5Z", "2026-11-01T08:00:00.25Z",
            "2026-11-01T08:00:00.123456789Z", "2026-11-01T08:00:00.0Z", "1970-01-01T00:00:00Z",
            "2016-12-31T23:59:60Z", "2026-11-01T24:00:00Z", "2026-11-01T08:00:00.Z", "2026-11-01T08:00:00+01:00", "+12026-11-01T08:00:00Z"}) {
            assertEquals(Instant.parse(text), WireTime.parse(text), text);
        }
    }

    @Test
    void refusesWhatTheIsoParserRefuses() {
        for (String text : new String[] {"", "2026-11-01", "2026-13-01T08:00:00Z", "2026-02-30T08:00:00Z",
            "2026-11-01T24:00:01Z", "2026-11-01T08:61:00Z", "2026-11-01T08:00:0xZ", "2026-11-01 08:00:00Z",
            "2026-11-01T08:00:00.1234567890Z", "2026-11-01T08:00:00", "２026-11-01T08:00:00Z"}) {
            assertThrows(DateTimeParseException.class, () -> Instant.parse(text), text);
            assertThrows(DateTimeParseException.class, () -> WireTime.parse(text), text);
        }
    }
}
