package org.wardnet.core.clips;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.wardnet.core.registry.Tier;

/**
 * How long recorded footage is kept per site tier: a maximum age (zero keeps forever) and a byte
 * budget (zero is unlimited). Only RECORDED clips are subject to it: imported files belong to
 * whoever put them there, ingested ones live on edge recorders. A clip under a hold is never deleted.
 */
public record RetentionPolicy(Map<Tier, Duration> maxAge, Map<Tier, Long> maxBytes) {

    public RetentionPolicy {
        maxAge = Map.copyOf(new EnumMap<>(maxAge));
        maxBytes = Map.copyOf(new EnumMap<>(maxBytes));
    }

    /** Whether a clip of a camera in a site of {@code tier} is past its age at {@code now}. */
    public boolean expired(Clip clip, Tier tier, Instant now) {
        Duration age = maxAge.getOrDefault(tier, Duration.ZERO);
        return clip.origin() == ClipOrigin.RECORDED && !age.isZero() && clip.end().isBefore(now.minus(age));
    }

    /** Bytes over the tier's budget; 0 within it or without one. */
    public long excess(Tier tier, long bytes) {
        long budget = maxBytes.getOrDefault(tier, 0L);
        return budget == 0 ? 0 : Math.max(0, bytes - budget);
    }

    /** The shortest age any tier keeps; retention looks no further back than needed for ages. */
    public Duration shortestAge() {
        return maxAge.values().stream().filter(d -> !d.isZero()).min(Duration::compareTo).orElse(Duration.ZERO);
    }
}
