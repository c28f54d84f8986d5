package org.wardnet.core.track;

import java.util.function.DoubleUnaryOperator;

/**
 * Golden-section narrowing of a bracket toward the maximum of a function of one quantity: each
 * step keeps the better of two inner points and evaluates one new point. The view fits use it
 * after a coarse scan has found the bracket; a step function (the likelihood of a view is one)
 * is narrowed toward one of its plateaus, not necessarily the best: the scan is what keeps the
 * search off a false peak.
 */
final class GoldenSection {

    private static final double RATIO = (Math.sqrt(5) - 1) / 2;

    private GoldenSection() {
    }

    /** Narrows [low, high] in {@code steps} steps; {@code score} is called 2 + steps times and keeps its own best. */
    static void narrow(double low, double high, int steps, DoubleUnaryOperator score) {
        double a = low;
        double b = high;
        double c = b - RATIO * (b - a);
        double d = a + RATIO * (b - a);
        double fc = score.applyAsDouble(c);
        double fd = score.applyAsDouble(d);
        for (int i = 0; i < steps; i++) {
            if (fc >= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - RATIO * (b - a);
                fc = score.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + RATIO * (b - a);
                fd = score.applyAsDouble(d);
            }
        }
    }
}
