package org.wardnet.core.track;

import java.util.HashMap;
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

    /** What is known about hops leaving {@code from} by any mode: which camera comes next hardly depends on the mode. */
    public Learned learnedAnyMode(String from) {
        int total = 0;
        Map<String, TravelTimes> merged = new HashMap<>();
        for (TravelMode mode : TravelMode.values()) {
            Learned one = learned(from, mode);
            total += one.total();
            one.to().forEach((to, times) -> merged.merge(to, times, TravelTimes::plus));
        }
        return new Learned(total, merged);
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
    public java.util.List<ViewFit.Pair> pairs() {
        java.util.List<ViewFit.Pair> out = new java.util.ArrayList<>();
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

    private static final class Outgoing {
        private final Map<String, TravelTimes> to = new HashMap<>();
        private int total;
    }
}
