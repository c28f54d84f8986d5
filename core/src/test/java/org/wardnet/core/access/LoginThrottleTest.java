package org.wardnet.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wardnet.core.ManualClock;

class LoginThrottleTest {

    @Test
    void aNameIsHeldUntilItsOldestCountedFailureLeavesTheWindow() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-29T14:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(3, 100, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.wait("Alice", "10.1.1.1"));
            throttle.failed("Alice", "10.1.1." + i);
            clock.advance(Duration.ofSeconds(60));
        }
        assertEquals(Duration.ofMinutes(12), throttle.wait("alice", "127.0.0.9"), "names are counted case-blind");
        clock.advance(Duration.ofMinutes(12));
        assertEquals(Duration.ZERO, throttle.wait("alice", "127.0.0.9"));
    }

    @Test
    void aHoldLastsItsRealTimeWhateverTheWallClockIsSteppedTo() {
        org.wardnet.core.ManualTicker ticker = new org.wardnet.core.ManualTicker();
        LoginThrottle throttle = new LoginThrottle(1, 100, Duration.ofMinutes(15), ticker);
        throttle.failed("bob", "10.1.1.1");
        ticker.advance(Duration.ofMinutes(5)); // meanwhile the wall clock went an hour back: it has no say
        assertEquals(Duration.ofMinutes(10), throttle.wait("bob", "10.1.1.2"), "ten minutes left, not 70");
        ticker.advance(Duration.ofMinutes(10));
        assertEquals(Duration.ZERO, throttle.wait("bob", "10.1.1.2"));
    }

    @Test
    void anAddressIsHeldAcrossNamesAndASuccessClearsOnlyTheName() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-29T14:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(5, 4, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 4; i++) {
            throttle.failed("user" + i, "10.9.9.9");
        }
        assertTrue(throttle.wait("someone", "10.9.9.9").compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, throttle.wait("someone", "10.9.9.8"));
        throttle.succeeded("user0");
        assertTrue(throttle.wait("someone", "10.9.9.9").compareTo(Duration.ZERO) > 0, "the spray still counts");
    }
}
