package org.wardnet.core.health;

import java.time.Duration;

/**
 * How the monitor probes.
 *
 * @param interval        time between two probes of the same camera
 * @param tick            granularity of the schedule (the wheel's slot length)
 * @param maxInFlight     probes running at once at most; more wait in a queue
 * @param depth           probe depth of an ordinary round
 * @param mediaEveryRound every Nth round of a camera is a MEDIA check; 0 never
 * @param policy          the state machine's thresholds
 */
public record MonitorSettings(Duration interval, Duration tick, int maxInFlight, ProbeDepth depth, int mediaEveryRound,
        HealthPolicy policy) {

    public MonitorSettings {
        if (tick.isZero() || tick.isNegative() || interval.compareTo(tick) < 0) {
            throw new IllegalArgumentException("need 0 < tick <= interval");
        }
        if (maxInFlight < 1 || mediaEveryRound < 0) {
            throw new IllegalArgumentException("maxInFlight >= 1 and mediaEveryRound >= 0");
        }
    }

    int slots() {
        return (int) Math.max(1, interval.toMillis() / tick.toMillis());
    }
}
