package org.wardnet.core.track;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * How fast subjects really went between cameras, per mode, learned from confirmed routes: the
 * 5th, 50th and 95th percentiles of the legs' speeds (street distance over time by the fitted
 * clocks, stops included), blended with the mode's configured figures ({@link TravelMode}) as if
 * those were {@value #PRIOR_LEGS} legs. A follow window for a pair no confirmed hop has joined is
 * then as wide as the district's own subjects make it.
 *
 * <p>Limits: legs shorter than {@value #MIN_METRES} m are left out (a few seconds of clock error
 * make their speed meaningless), and so are legs faster than the mode's impossible speed; one
 * spread per mode for the whole district, not per street or hour. Immutable.
 */
public final class TravelSpeeds {

    /** Nothing learned: the modes' configured figures. */
    public static final TravelSpeeds NONE = new TravelSpeeds(new EnumMap<>(TravelMode.class));

    static final double MIN_METRES = 100;
    static final double PRIOR_LEGS = 30;

    /** Learned per mode: legs, and the 5th, 50th and 95th percentile speeds. */
    public record Spread(int legs, double slow, double typical, double fast) {
    }

    private final Map<TravelMode, Spread> learned;

    private TravelSpeeds(Map<TravelMode, Spread> learned) {
        this.learned = learned;
    }

    /** The speeds of the confirmed routes' legs, each time read by the fitted clocks. */
    public static TravelSpeeds fit(List<ClockOffsets.Route> routes, ToDoubleBiFunction<String, String> distance,
            ClockOffsets clocks) {
        Map<TravelMode, List<Double>> speeds = new EnumMap<>(TravelMode.class);
        for (ClockOffsets.Route route : routes) {
            for (int i = 0; i + 1 < route.cameraIds().size(); i++) {
                String a = route.cameraIds().get(i);
                String b = route.cameraIds().get(i + 1);
                double metres = a.equals(b) ? Double.NaN : distance.applyAsDouble(a, b);
                double seconds = (route.clockMillis().get(i + 1) - route.clockMillis().get(i)) / 1000.0
                        - clocks.seconds(b) + clocks.seconds(a);
                if (!(metres >= MIN_METRES) || seconds <= 0 || metres / seconds > route.mode().impossible()) {
                    continue;
                }
                speeds.computeIfAbsent(route.mode(), m -> new ArrayList<>()).add(metres / seconds);
            }
        }
        Map<TravelMode, Spread> learned = new EnumMap<>(TravelMode.class);
        speeds.forEach((mode, list) -> {
            Collections.sort(list);
            learned.put(mode, new Spread(list.size(), quantile(list, 0.05), quantile(list, 0.5), quantile(list, 0.95)));
        });
        return new TravelSpeeds(learned);
    }

    private static double quantile(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }

    /** What was learned of {@code mode}, or null. */
    public Spread learned(TravelMode mode) {
        return learned.get(mode);
    }

    /** The slowest a subject of the mode plausibly goes (metres per second). */
    public double slowest(TravelMode mode) {
        return blend(mode, mode.slowest(), Spread::slow);
    }

    public double typical(TravelMode mode) {
        return blend(mode, mode.typical(), Spread::typical);
    }

    public double fastest(TravelMode mode) {
        return blend(mode, mode.fastest(), Spread::fast);
    }

    private double blend(TravelMode mode, double configured, java.util.function.ToDoubleFunction<Spread> part) {
        Spread s = learned.get(mode);
        if (s == null) {
            return configured;
        }
        double w = s.legs() / (s.legs() + PRIOR_LEGS);
        return (1 - w) * configured + w * part.applyAsDouble(s);
    }
}
