package org.wardnet.core.track;

import java.util.Arrays;

/**
 * Travel times between one pair of cameras by one mode: a histogram of 40 bins spaced
 * logarithmically from 1 s to 4 h (each about 25 % wider than the one before), so a 40-second
 * hop and a 40-minute one are both resolved to a quarter of their value. Read through a
 * three-bin smoothing so that a handful of hops gives a usable window. Not thread-safe; the
 * owner synchronises.
 */
public final class TravelTimes {

    public static final int BINS = 40;
    private static final double MIN_SECONDS = 1;
    private static final double MAX_SECONDS = 4 * 3600;
    private static final double STEP = Math.log(MAX_SECONDS / MIN_SECONDS) / BINS;

    private final int[] counts;
    private int total;

    public TravelTimes() {
        this(new int[BINS]);
    }

    private TravelTimes(int[] counts) {
        this.counts = counts;
        this.total = Arrays.stream(counts).sum();
    }

    /** Rebuilds from stored counts; a wrong length is refused. */
    public static TravelTimes of(int[] counts) {
        if (counts.length != BINS) {
            throw new IllegalArgumentException("travel times need " + BINS + " bins, got " + counts.length);
        }
        return new TravelTimes(counts.clone());
    }

    public void add(double seconds) {
        counts[bin(seconds)]++;
        total++;
    }

    public int total() {
        return total;
    }

    public int[] counts() {
        return counts.clone();
    }

    static int bin(double seconds) {
        double s = Math.max(MIN_SECONDS, Math.min(MAX_SECONDS * 0.999, seconds));
        return Math.min(BINS - 1, (int) (Math.log(s / MIN_SECONDS) / STEP));
    }

    static double lowerEdge(int bin) {
        return MIN_SECONDS * Math.exp(bin * STEP);
    }

    /** The time below which {@code fraction} of the smoothed hops fall, in seconds; NaN when empty. */
    public double quantile(double fraction) {
        if (total == 0) {
            return Double.NaN;
        }
        double[] smooth = new double[BINS];
        double sum = 0;
        for (int i = 0; i < BINS; i++) {
            smooth[i] = 0.5 * counts[i] + 0.25 * (i > 0 ? counts[i - 1] : 0) + 0.25 * (i < BINS - 1 ? counts[i + 1] : 0);
            sum += smooth[i];
        }
        double target = fraction * sum;
        double seen = 0;
        for (int i = 0; i < BINS; i++) {
            if (seen + smooth[i] >= target && smooth[i] > 0) {
                double within = (target - seen) / smooth[i];
                return lowerEdge(i) + within * (lowerEdge(i + 1) - lowerEdge(i));
            }
            seen += smooth[i];
        }
        return lowerEdge(BINS);
    }
}
