package org.wardnet.bench.soak;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The least-squares slope of a sampled quantity against time, per hour, and its range: how a soak
 * says "flat" with a number rather than by eye.
 *
 * @param perHour the fitted slope, units per hour
 * @param min     the smallest sample
 * @param max     the largest sample
 * @param first   the mean of the first quarter of the samples
 * @param last    the mean of the last quarter
 */
record Trend(double perHour, double min, double max, double first, double last) {

    /** Fits {@code value} over the samples from minute {@code fromMinute} on; needs two samples or more. */
    static Trend of(List<SoakSample> samples, int fromMinute, ToDoubleFunction<SoakSample> value) {
        List<SoakSample> used = samples.stream().filter(s -> s.minute() >= fromMinute).toList();
        if (used.size() < 2) {
            throw new IllegalArgumentException("a trend needs two samples after minute " + fromMinute);
        }
        double[] hours = new double[used.size()];
        double[] values = new double[used.size()];
        for (int i = 0; i < used.size(); i++) {
            hours[i] = used.get(i).minute() / 60.0;
            values[i] = value.applyAsDouble(used.get(i));
        }
        double slope = LeastSquares.slope(hours, values);
        double min = java.util.Arrays.stream(values).min().orElseThrow();
        double max = java.util.Arrays.stream(values).max().orElseThrow();
        int quarter = Math.max(1, used.size() / 4);
        return new Trend(slope, min, max, mean(used.subList(0, quarter), value),
                mean(used.subList(used.size() - quarter, used.size()), value));
    }

    private static double mean(List<SoakSample> samples, ToDoubleFunction<SoakSample> value) {
        return samples.stream().mapToDouble(value).average().orElse(Double.NaN);
    }
}
