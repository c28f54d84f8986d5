package org.wardnet.bench.track.town;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wardnet.core.track.LocalPlane;
import org.wardnet.core.track.StreetSegment;
import org.wardnet.core.track.TravelMode;

/**
 * A street graph being drawn, in metres east and north of a town's origin: numbered crossings and
 * straight pieces between them. Streets meet only where they share a crossing, so a generator
 * splits streets where they cross. Not thread-safe.
 */
final class StreetSketch {

    private static final Set<TravelMode> FOOT = EnumSet.of(TravelMode.WALK, TravelMode.BIKE);

    private final List<double[]> nodes = new ArrayList<>();
    private final List<Piece> pieces = new ArrayList<>();
    private final Map<Long, Integer> byPair = new HashMap<>();

    /** A piece of street; {@code oneWay} binds vehicles from {@code a} to {@code b}. */
    record Piece(int a, int b, boolean oneWay, boolean footOnly) {
    }

    int node(double x, double y) {
        nodes.add(new double[] {x, y});
        return nodes.size() - 1;
    }

    double x(int node) {
        return nodes.get(node)[0];
    }

    double y(int node) {
        return nodes.get(node)[1];
    }

    int nodeCount() {
        return nodes.size();
    }

    List<Piece> pieces() {
        return pieces;
    }

    /** Adds a two-way piece; a second piece between the same crossings is ignored. */
    boolean street(int a, int b) {
        return street(a, b, false, false);
    }

    boolean street(int a, int b, boolean oneWay, boolean footOnly) {
        if (a == b || byPair.containsKey(pair(a, b))) {
            return false;
        }
        byPair.put(pair(a, b), pieces.size());
        pieces.add(new Piece(a, b, oneWay, footOnly));
        return true;
    }

    boolean has(int a, int b) {
        return byPair.containsKey(pair(a, b));
    }

    private static long pair(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** The pieces of the largest connected part, as street segments on {@code plane}. */
    List<StreetSegment> segments(LocalPlane plane) {
        boolean[] kept = largestPart();
        List<StreetSegment> out = new ArrayList<>();
        for (Piece p : pieces) {
            if (kept[p.a()]) {
                out.add(new StreetSegment(plane.point(x(p.a()), y(p.a())), plane.point(x(p.b()), y(p.b())),
                        p.footOnly() ? FOOT : null, p.oneWay()));
            }
        }
        return out;
    }

    private boolean[] largestPart() {
        List<List<Integer>> touching = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            touching.add(new ArrayList<>());
        }
        for (Piece p : pieces) {
            touching.get(p.a()).add(p.b());
            touching.get(p.b()).add(p.a());
        }
        int[] part = new int[nodes.size()];
        int parts = 0;
        int best = 0;
        int bestSize = 0;
        for (int start = 0; start < nodes.size(); start++) {
            if (part[start] != 0 || touching.get(start).isEmpty()) {
                continue;
            }
            parts++;
            int size = 0;
            Deque<Integer> todo = new ArrayDeque<>(List.of(start));
            part[start] = parts;
            while (!todo.isEmpty()) {
                int n = todo.pop();
                size++;
                for (int m : touching.get(n)) {
                    if (part[m] == 0) {
                        part[m] = parts;
                        todo.push(m);
                    }
                }
            }
            if (size > bestSize) {
                bestSize = size;
                best = parts;
            }
        }
        boolean[] kept = new boolean[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            kept[i] = part[i] == best && best != 0;
        }
        return kept;
    }
}
