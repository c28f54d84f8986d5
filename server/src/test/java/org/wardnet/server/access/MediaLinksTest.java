package org.wardnet.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Media links open their own clip until they expire, and nothing else: not forged, not altered, not another's key. */
class MediaLinksTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aLinkOpensItsClipUntilItExpires() {
        MediaLinks links = new MediaLinks(clock, Duration.ofMinutes(10));
        MediaLinks.Link link = links.issue(42);
        assertEquals(now.plus(Duration.ofMinutes(10)), link.expires());
        assertEquals(OptionalLong.of(42), links.redeem(link.ticket()));
        now = now.plus(Duration.ofMinutes(10)).minusSeconds(1);
        assertEquals(OptionalLong.of(42), links.redeem(link.ticket()));
        now = now.plusSeconds(1);
        assertEquals(OptionalLong.empty(), links.redeem(link.ticket()), "expired");
    }

    @Test
    void alteredForgedOrForeignLinksOpenNothing() {
        MediaLinks links = new MediaLinks(clock, Duration.ofMinutes(10));
        String ticket = links.issue(42).ticket();
        String[] parts = ticket.split("\\.");
        assertEquals(3, parts.length, ticket);
        long expires = Long.parseLong(parts[1]);
        assertEquals(OptionalLong.empty(), links.redeem("43." + parts[1] + "." + parts[2]), "another clip");
        assertEquals(OptionalLong.empty(), links.redeem(parts[0] + "." + (expires + 3600) + "." + parts[2]),
                "a later expiry");
        assertEquals(OptionalLong.empty(), new MediaLinks(clock, Duration.ofMinutes(10)).redeem(ticket),
                "another server's key (or this one's before a restart)");
        for (String junk : new String[] {null, "", "42", "42.1", "..", "a.b.c", "42.99999999999.!!!", "x".repeat(200)}) {
            assertEquals(OptionalLong.empty(), links.redeem(junk), String.valueOf(junk));
        }
        assertNotEquals(links.issue(42).ticket(), new MediaLinks(clock, Duration.ofMinutes(10)).issue(42).ticket());
        assertTrue(ticket.matches("[0-9]+\\.[0-9]+\\.[A-Za-z0-9_-]+"), "a link is one path segment: " + ticket);
    }
}
