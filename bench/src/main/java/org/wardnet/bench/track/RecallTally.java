package org.wardnet.bench.track;

import java.util.Locale;

/**
 * The figures of one way of proposing cameras over many hops: recall@1/3/5/10 of the exact next
 * sighting camera; cameras reviewed until it is found, reviewing a round of five at a time and
 * asking again without them (a hop not found in {@value #ROUNDS} rounds counts as
 * {@value #ROUNDS}·5+1 cameras); and the review reduction of the first round's five cameras and
 * their windows against a naive search, with the share of hops whose next camera is among those five
 * and seen inside its window (a window that misses the sighting saves video dishonestly).
 */
final class RecallTally {

    static final int[] KS = {1, 3, 5, 10};
    static final int ROUND = 5;
    static final int ROUNDS = 4;

    private final String label;
    /** False for a reference that proposes only what it has seen: rounds and windows say nothing of it. */
    private final boolean rounds;
    private int inWindow;
    private final int[] hits = new int[KS.length];
    private int hops;
    private double reviewed;
    private int found;
    private double cameras;
    private double seconds;
    private double naiveCameras;
    private double naiveSeconds;

    RecallTally(String label) {
        this(label, true);
    }

    RecallTally(String label, boolean rounds) {
        this.label = label;
        this.rounds = rounds;
    }

    /**
     * @param rank      where the true next camera stood in the first answer (0-based), or -1
     * @param windowHolds whether its sighting's clock time lies inside the window proposed with it
     * @param reviewedUntilFound cameras reviewed until found, or -1 when not found in {@value #ROUNDS} rounds
     */
    void add(int rank, boolean windowHolds, int reviewedUntilFound, int firstRoundCameras, double firstRoundSeconds,
            int naive, double naiveVideoSeconds) {
        hops++;
        inWindow += rank >= 0 && rank < ROUND && windowHolds ? 1 : 0;
        for (int k = 0; k < KS.length; k++) {
            hits[k] += rank >= 0 && rank < KS[k] ? 1 : 0;
        }
        if (reviewedUntilFound > 0) {
            found++;
            reviewed += reviewedUntilFound;
        } else {
            reviewed += ROUNDS * ROUND + 1;
        }
        cameras += firstRoundCameras;
        seconds += firstRoundSeconds;
        naiveCameras += naive;
        naiveSeconds += naiveVideoSeconds;
    }

    String label() {
        return label;
    }

    double recall(int k) {
        for (int i = 0; i < KS.length; i++) {
            if (KS[i] == k) {
                return hits[i] / (double) hops;
            }
        }
        throw new IllegalArgumentException("no recall@" + k);
    }

    double meanReviewed() {
        return reviewed / hops;
    }

    static String header() {
        return String.format(Locale.ROOT, "%-36s %6s %6s %6s %6s %6s %6s %9s %8s %8s %8s", "", "hops", "@1", "@3", "@5",
                "@10", "in-win", "reviewed", "found20", "cameras", "video");
    }

    String line() {
        if (!rounds) {
            return String.format(Locale.ROOT, "%-36s %6d %6.3f %6.3f %6.3f %6.3f %6s %9s %8s %8s %8s", label, hops,
                    recall(1), recall(3), recall(5), recall(10), "-", "-", "-", "-", "-");
        }
        return String.format(Locale.ROOT, "%-36s %6d %6.3f %6.3f %6.3f %6.3f %6.3f %9.2f %8.3f %7.0fx %7.0fx", label,
                hops, recall(1), recall(3), recall(5), recall(10), inWindow / (double) hops, meanReviewed(),
                found / (double) hops, naiveCameras / Math.max(1, cameras), naiveSeconds / Math.max(1, seconds));
    }
}
