package org.wardnet.bench.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wardnet.core.track.CameraMap;

/**
 * The plain baseline a model must beat: count the confirmed next cameras per camera and heading
 * (eight 45-degree buckets, or all of them without a heading), most counted first, then the
 * nearest cameras ahead (within 90 degrees of the heading, or all round without one) within
 * {@code reachMeters}. Knows nothing of streets, views or times.
 */
final class CountingBaseline {

    private static final int BUCKETS = 8;

    private final CameraMap map;
    private final Map<String, Map<String, Integer>[]> counts = new HashMap<>();

    CountingBaseline(CameraMap map) {
        this.map = map;
    }

    private static int bucket(double heading) {
        return (int) Math.floor(((heading % 360 + 360) % 360 + 22.5) / 45) % BUCKETS;
    }

    /** One confirmed hop, with the heading the footage showed at {@code from} (null if none). */
    @SuppressWarnings("unchecked")
    void learn(String from, String to, Double heading) {
        Map<String, Integer>[] perBucket = counts.computeIfAbsent(from, k -> new Map[BUCKETS + 1]);
        int b = heading == null ? BUCKETS : bucket(heading);
        for (int i : b == BUCKETS ? new int[] {BUCKETS} : new int[] {b, BUCKETS}) {
            if (perBucket[i] == null) {
                perBucket[i] = new HashMap<>();
            }
            perBucket[i].merge(to, 1, Integer::sum);
        }
    }

    /** Up to {@code limit} cameras to review next, best first. */
    List<String> next(String from, Double heading, Set<String> excluded, int limit, double reachMeters) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer>[] perBucket = counts.get(from);
        Map<String, Integer> counted = perBucket == null ? null : perBucket[heading == null ? BUCKETS : bucket(heading)];
        if (counted != null) {
            counted.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).filter(id -> !excluded.contains(id)).limit(limit).forEach(out::add);
        }
        if (out.size() < limit) {
            CameraMap.Spot origin = map.spot(from);
            List<CameraMap.Spot> near = new ArrayList<>(map.within(origin.x(), origin.y(), reachMeters));
            near.sort(Comparator.comparingDouble(s -> Math.hypot(s.x() - origin.x(), s.y() - origin.y())));
            for (CameraMap.Spot s : near) {
                if (out.size() >= limit) {
                    break;
                }
                if (!s.cameraId().equals(from) && !excluded.contains(s.cameraId()) && ahead(origin, s, heading)) {
                    out.add(s.cameraId());
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean ahead(CameraMap.Spot origin, CameraMap.Spot s, Double heading) {
        if (heading == null) {
            return true;
        }
        double bearing = Math.toDegrees(Math.atan2(s.x() - origin.x(), s.y() - origin.y()));
        return Math.abs(((bearing - heading) % 360 + 540) % 360 - 180) <= 90;
    }
}
