package org.wardnet.core.track;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each camera sees the subjects that pass it, learned from confirmed routes: on a
 * confirmed hop A to B, every camera the street path passes between them missed the subject and
 * B saw it. Where a camera looks, what stands in its way and how good its picture is all end up in
 * this one rate, which the prior then uses instead of the configured detection probability.
 *
 * <p>The estimate is smoothed toward the prior's own value as if two passes had been seen at it:
 * (seen + 2 · prior) / (passes + 2). Thread-safe.
 */
public final class Visibility {

    private static final double PRIOR_PASSES = 2;

    private final Map<String, int[]> counts = new ConcurrentHashMap<>();

    /** Records one confirmed hop: {@code missed} passed without seeing, {@code seer} saw. */
    public void record(List<String> missed, String seer) {
        for (String id : missed) {
            counts.computeIfAbsent(id, k -> new int[2])[0]++;
        }
        int[] c = counts.computeIfAbsent(seer, k -> new int[2]);
        c[0]++;
        c[1]++;
    }

    /** Restores a camera's stored counts. */
    public void restore(String cameraId, int passes, int seen) {
        counts.put(cameraId, new int[] {passes, seen});
    }

    /** The camera's learned rate, smoothed toward {@code prior}. */
    public double rate(String cameraId, double prior) {
        int[] c = counts.get(cameraId);
        if (c == null) {
            return prior;
        }
        return (c[1] + PRIOR_PASSES * prior) / (c[0] + PRIOR_PASSES);
    }

    /** Passes and sightings of a camera, for the store: [passes, seen], or null. */
    public int[] counts(String cameraId) {
        int[] c = counts.get(cameraId);
        return c == null ? null : c.clone();
    }
}
