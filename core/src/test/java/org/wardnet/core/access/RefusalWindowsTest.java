package org.wardnet.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardnet.core.ManualClock;

class RefusalWindowsTest {

    @Test
    void theFirstRefusalsAreAnsweredTheRestCountedAndSummedOnceTheWindowIsOver() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:00:00Z"));
        RefusalWindows windows = new RefusalWindows(3, Duration.ofSeconds(60), 10, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, windows.refused("10.0.0.1"));
        }
        clock.advance(Duration.ofSeconds(20));
        assertEquals(40, windows.refused("10.0.0.1"), "seconds until the window ends");
        for (int i = 0; i < 99; i++) {
            assertTrue(windows.refused("10.0.0.1") > 0);
        }
        assertEquals(0, windows.refused("10.0.0.2"), "another address has its own window");
        assertEquals(List.of(), windows.finished(), "nothing is over yet");

        clock.advance(Duration.ofSeconds(40));
        List<RefusalWindows.Suppressed> over = windows.finished();
        assertEquals(List.of(new RefusalWindows.Suppressed("10.0.0.1", 100, Instant.parse("2026-12-05T10:00:00Z"),
                Instant.parse("2026-12-05T10:01:00Z"))), over, "one sum per address and window; none without suppressions");
        assertEquals(1, windows.tracked(), "windows over are forgotten; 10.0.0.2's began 20 s later");
        assertEquals(0, windows.refused("10.0.0.1"), "a new window starts afresh");
    }

    /** The wall clock stepped an hour back, then an hour forward, during a window: the window keeps its length. */
    @Test
    void aSteppedWallClockNeitherProlongsNorCutsAWindow() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T04:00:00Z"));
        org.wardnet.core.ManualTicker ticker = new org.wardnet.core.ManualTicker();
        RefusalWindows windows = new RefusalWindows(1, Duration.ofSeconds(60), 10, clock, ticker);
        assertEquals(0, windows.refused("10.0.0.1"));
        assertEquals(60, windows.refused("10.0.0.1"), "limited for the rest of the window");

        clock.advance(Duration.ofHours(-1)); // stepped back: with wall-clock windows, limited for an hour
        ticker.advance(Duration.ofSeconds(30));
        assertEquals(30, windows.refused("10.0.0.1"), "half of the window is left, not an hour and a half");
        clock.advance(Duration.ofHours(2)); // stepped forward: with wall-clock windows, over at once
        assertEquals(List.of(), windows.finished(), "the window is not over after 30 s");
        ticker.advance(Duration.ofSeconds(30));
        List<RefusalWindows.Suppressed> over = windows.finished();
        assertEquals(1, over.size());
        assertEquals(2, over.get(0).count());
        assertEquals(Instant.parse("2026-12-06T04:00:00Z"), over.get(0).from(), "stamped with the wall clock at its start");
        assertEquals(0, windows.refused("10.0.0.1"), "a new window after 60 s of real time");
    }

    /** A flood goes on past the window's end before the sums are collected: the next window limits at once. */
    @Test
    void aRefusalAfterTheWindowStartsTheNextOneAndTheSumWaitsForCollection() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:00:00Z"));
        RefusalWindows windows = new RefusalWindows(2, Duration.ofSeconds(10), 10, clock);
        for (int i = 0; i < 7; i++) {
            windows.refused("x");
        }
        clock.advance(Duration.ofSeconds(10));
        assertEquals(0, windows.refused("x"));
        assertEquals(0, windows.refused("x"));
        assertEquals(10, windows.refused("x"), "the new window is limited as the old one was");
        List<RefusalWindows.Suppressed> over = windows.finished();
        assertEquals(1, over.size());
        assertEquals(5, over.get(0).count());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(1, windows.finished().get(0).count(), "the second window's one suppressed refusal");
        assertEquals(0, windows.tracked());
    }

    @Test
    void addressesBeyondTheBoundAreNotLimitedAndCostNoMemory() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:00:00Z"));
        RefusalWindows windows = new RefusalWindows(1, Duration.ofSeconds(60), 2, clock);
        windows.refused("a");
        windows.refused("b");
        for (int i = 0; i < 10; i++) {
            assertEquals(0, windows.refused("c"));
        }
        assertEquals(2, windows.tracked());
        assertTrue(windows.refused("a") > 0);
        assertThrows(IllegalArgumentException.class, () -> new RefusalWindows(0, Duration.ofSeconds(1), 1, clock));
    }
}
