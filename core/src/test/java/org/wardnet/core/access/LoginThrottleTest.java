package org.wardnet.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-11-29T14:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
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
    }

    @Test
    void aNameIsHeldUntilItsOldestCountedFailureLeavesTheWindow() {
        Hand clock = new Hand();
        LoginThrottle throttle = new LoginThrottle(3, 100, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.wait("Alice", "10.1.1.1"));
            throttle.failed("Alice", "10.1.1." + i);
            clock.now = clock.now.plusSeconds(60);
        }
        assertEquals(Duration.ofMinutes(12), throttle.wait("alice", "127.0.0.9"), "names are counted case-blind");
        clock.now = clock.now.plus(Duration.ofMinutes(12));
        assertEquals(Duration.ZERO, throttle.wait("alice", "127.0.0.9"));
    }

    @Test
    void anAddressIsHeldAcrossNamesAndASuccessClearsOnlyTheName() {
        Hand clock = new Hand();
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
