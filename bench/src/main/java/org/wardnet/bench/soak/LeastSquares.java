package org.wardnet.bench.soak;

/** The least-squares slope of y over x: how a benchmark says "flat" with a number rather than by eye. */
public final class LeastSquares {

    private LeastSquares() {
    }

    /** @throws IllegalArgumentException for fewer than two points or lengths that differ */
    public static double slope(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a slope needs two points or more, as many x as y");
        }
        double n = x.length;
        double sumX = 0;
        double sumY = 0;
        double sumXx = 0;
        double sumXy = 0;
        for (int i = 0; i < x.length; i++) {
            sumX += x[i];
            sumY += y[i];
            sumXx += x[i] * x[i];
            sumXy += x[i] * y[i];
        }
        return (n * sumXy - sumX * sumY) / (n * sumXx - sumX * sumX);
    }
}
