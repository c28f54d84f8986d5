package org.wardnet.core.track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What confirmed routes have taught: for each (from camera, mode), how many confirmed hops left
 * it and, per destination, their travel times. Held in memory (loaded from the store at start);
 * a district with a million confirmed hops needs tens of megabytes.
 */
public final class TransitionMemory {

    private final Map<String, Outgoing> byOrigin = new ConcurrentHashMap<>();

    private static String key(String from, TravelMode mode) {
        return mode.name() + '|' + from;
    }

    /** Counts one confirmed hop. */
    public void record(String from, String to, TravelMode mode, double seconds) {
        Outgoing out = byOrigin.computeIfAbsent(key(from, mode), k -> new Outgoing());
        synchronized (out) {
            out.to.computeIfAbsent(to, k -> new TravelTimes()).add(seconds);
            out.total++;
        }
    }

    /** Restores one pair's stored histogram. */
    public void restore(String from, String to, TravelMode mode, TravelTimes times) {
        Outgoing out = byOrigin.computeIfAbsent(key(from, mode), k -> new Outgoing());
        synchronized (out) {
            TravelTimes old = out.to.put(to, times);
            out.total += times.total() - (old == null ? 0 : old.total());
        }
    }

    /** A copy of what is known about hops leaving {@code from} by {@code mode}. */
    public Learned learned(String from, TravelMode mode) {
        Outgoing out = byOrigin.get(key(from, mode));
        if (out == null) {
            return new Learned(0, Map.of());
        }
        synchronized (out) {
            Map<String, TravelTimes> copy = new HashMap<>();
            out.to.forEach((to, times) -> copy.put(to, TravelTimes.of(times.counts())));
            return new Learned(out.total, copy);
        }
    }

    /**
     * How many confirmed hops left {@code from} by any mode, and to which cameras: which camera comes
     * next hardly depends on the mode. Counts only; the travel times stay per mode.
     */
    public Hops hopsAnyMode(String from) {
        int total = 0;
        Map<String, Integer> to = new HashMap<>();
        for (TravelMode mode : TravelMode.values()) {
            Outgoing out = byOrigin.get(key(from, mode));
            if (out == null) {
                continue;
            }
            synchronized (out) {
                total += out.total;
                out.to.forEach((id, times) -> to.merge(id, times.total(), Integer::sum));
            }
        }
        return new Hops(total, to);
    }

    /** The stored form of one pair, for the store to persist after a confirmation. */
    public TravelTimes times(String from, String to, TravelMode mode) {
        Outgoing out = byOrigin.get(key(from, mode));
        if (out == null) {
            return null;
        }
        synchronized (out) {
            TravelTimes times = out.to.get(to);
            return times == null ? null : TravelTimes.of(times.counts());
        }
    }

    /** Every learned pair with its number of hops, for fitting the camera view. */
    public List<ViewFit.Pair> pairs() {
        List<ViewFit.Pair> out = new ArrayList<>();
        byOrigin.forEach((key, outgoing) -> {
            int bar = key.indexOf('|');
            TravelMode mode = TravelMode.valueOf(key.substring(0, bar));
            String from = key.substring(bar + 1);
            synchronized (outgoing) {
                outgoing.to.forEach((to, times) -> out.add(new ViewFit.Pair(from, to, mode, times.total())));
            }
        });
        return out;
    }

    /** Whether any hop by {@code mode} has been learned. */
    public boolean knows(TravelMode mode) {
        return byOrigin.keySet().stream().anyMatch(k -> k.startsWith(mode.name() + '|'));
    }

    /**
     * Hops learned from one camera.
     *
     * @param total hops by the mode from the camera
     * @param to    per destination, its travel times
     */
    public record Learned(int total, Map<String, TravelTimes> to) {
    }

    /**
     * Hops learned from one camera, by any mode.
     *
     * @param total hops from the camera
     * @param to    per destination, how many
     */
    public record Hops(int total, Map<String, Integer> to) {
    }

    private static final class Outgoing {
        private final Map<String, TravelTimes> to = new HashMap<>();
        private int total;
    }
}
