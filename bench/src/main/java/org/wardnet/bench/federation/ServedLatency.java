package org.wardnet.bench.federation;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.TreeMap;

/**
 * The center's own account of how long it took to answer camera GETs: the cumulative buckets of
 * its {@code http_server_requests_seconds} histogram for {@code GET /api/v1/cameras/{id}} (200),
 * read before and after a window, give the bucket that holds the window's 99th percentile. It
 * counts from the request read to the answer written, so it leaves out what a client loses
 * before its request is sent or read (its own pauses, a socket's queue).
 *
 * <p>Limits: as coarse as the server's buckets (1, 2, 5, 10, 25, 50, 100 ms...): an upper bound,
 * not a value.
 */
final class ServedLatency {

    private static final String SERIES = "http_server_requests_seconds_bucket{";

    private final CenterProcess center;
    private final HttpClient http;
    private final String token;

    ServedLatency(CenterProcess center, HttpClient http, String token) {
        this.center = center;
        this.http = http;
        this.token = token;
    }

    /** The cumulative count of camera GETs answered within each bucket's bound (seconds; +Inf last). */
    Map<Double, Double> buckets() throws Exception {
        Map<Double, Double> counts = new TreeMap<>();
        for (String line : center.get(http, token, "/metrics").split("\n")) {
            if (line.startsWith(SERIES) && line.contains("method=\"GET\"")
                    && line.contains("route=\"/api/v1/cameras/{id}\"") && line.contains("status=\"200\"")) {
                int le = line.indexOf("le=\"") + 4;
                String bound = line.substring(le, line.indexOf('"', le));
                double count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                counts.put(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound), count);
            }
        }
        return counts;
    }

    /**
     * The bound, in ms, of the smallest bucket holding 99 % of the GETs answered between two
     * readings of {@link #buckets()}; infinite past the last bound, NaN when none were answered.
     */
    static double p99Bound(Map<Double, Double> before, Map<Double, Double> after) {
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
                - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double within = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (within >= 0.99 * total) {
                return bucket.getKey() * 1_000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
