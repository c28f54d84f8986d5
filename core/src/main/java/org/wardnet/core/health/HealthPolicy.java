package org.wardnet.core.health;

import java.time.Duration;

/**
 * When the monitor calls a camera down or up again.
 *
 * @param offlineAfterFailures   K: consecutive failed probes before OFFLINE
 * @param offlineAfterDuration   T: and those failures must span at least this long
 * @param onlineAfterSuccesses   M: consecutive good probes before an OFFLINE camera is up again
 * @param slowAfterMillis        an answer slower than this makes a camera DEGRADED ("slow")
 * @param siteCorrelationMinimum a site is called UNREACHABLE only when it has at least this many
 *                               cameras and all of them fail with connection errors together
 */
public record HealthPolicy(int offlineAfterFailures, Duration offlineAfterDuration, int onlineAfterSuccesses,
        long slowAfterMillis, int siteCorrelationMinimum) {

    public HealthPolicy {
        if (offlineAfterFailures < 1 || onlineAfterSuccesses < 1 || siteCorrelationMinimum < 1) {
            throw new IllegalArgumentException("counts must be at least 1");
        }
        if (offlineAfterDuration.isNegative() || slowAfterMillis < 1) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }

    /**
     * For a 60 s interval: OFFLINE after 3 failures spanning at least 100 s (a little under the
     * 120 s that three probes one interval apart span, so scheduling jitter cannot push OFFLINE to a
     * fourth round), back after 2 good probes.
     */
    public static HealthPolicy defaults() {
        return new HealthPolicy(3, Duration.ofSeconds(100), 2, 1_000, 3);
    }
}
