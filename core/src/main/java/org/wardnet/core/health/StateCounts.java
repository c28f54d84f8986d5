package org.wardnet.core.health;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Cameras per health state, every state present (zero when none), in the states' order. Not
 * thread-safe while being counted; hand it on once counting is done.
 */
public final class StateCounts {

    private final EnumMap<HealthState, Integer> counts = new EnumMap<>(HealthState.class);

    public StateCounts() {
        for (HealthState state : HealthState.values()) {
            counts.put(state, 0);
        }
    }

    /** Counts one camera in {@code state}; a camera never probed counts as UNKNOWN. */
    public void add(HealthState state) {
        counts.merge(state == null ? HealthState.UNKNOWN : state, 1, Integer::sum);
    }

    public int get(HealthState state) {
        return counts.get(state);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every state with its count, in the states' order. */
    public Map<HealthState, Integer> asMap() {
        return Collections.unmodifiableMap(counts);
    }
}
