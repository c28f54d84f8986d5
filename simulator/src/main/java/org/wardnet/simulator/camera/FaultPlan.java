package org.wardnet.simulator.camera;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Assigns faults to a share of the cameras, from a seed: the same seed, cameras and plan give the
 * same faults. Written {@code slow=30,flapping=2,down=1} (percent of cameras per fault); slow
 * cameras get 1 to 3 s of added latency.
 */
public final class FaultPlan {

    private final Map<CameraFault, Double> percent;

    private FaultPlan(Map<CameraFault, Double> percent) {
        this.percent = percent;
    }

    /** @throws IllegalArgumentException naming the part that cannot be read */
    public static FaultPlan parse(String text) {
        Map<CameraFault, Double> percent = new EnumMap<>(CameraFault.class);
        if (text == null || text.isBlank()) {
            return new FaultPlan(percent);
        }
        double total = 0;
        for (String part : text.split(",")) {
            String[] kv = part.split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("fault plan part '" + part + "' is not FAULT=PERCENT");
            }
            CameraFault fault;
            double value;
            try {
                fault = CameraFault.valueOf(kv[0].strip().toUpperCase(Locale.ROOT).replace('-', '_'));
                value = Double.parseDouble(kv[1].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fault plan part '" + part + "': faults are "
                        + List.of(CameraFault.values()) + " and percentages are numbers");
            }
            if (value < 0 || value > 100 || fault == CameraFault.NONE) {
                throw new IllegalArgumentException("fault plan part '" + part + "': a percentage from 0 to 100");
            }
            percent.put(fault, value);
            total += value;
        }
        if (total > 100) {
            throw new IllegalArgumentException("fault plan adds up to " + total + " % of cameras");
        }
        return new FaultPlan(percent);
    }

    /** Sets each camera's fault (and latency for slow ones) from {@code seed}; returns counts per fault. */
    public Map<CameraFault, Integer> apply(List<SimulatedCamera> cameras, long seed) {
        Random random = new Random(seed ^ 0x5EED_FA17L);
        List<SimulatedCamera> shuffled = new ArrayList<>(cameras);
        Collections.shuffle(shuffled, random);
        Map<CameraFault, Integer> counts = new EnumMap<>(CameraFault.class);
        int next = 0;
        for (Map.Entry<CameraFault, Double> entry : percent.entrySet()) {
            int count = (int) Math.round(cameras.size() * entry.getValue() / 100.0);
            for (int i = 0; i < count && next < shuffled.size(); i++, next++) {
                SimulatedCamera camera = shuffled.get(next);
                camera.fault(entry.getKey());
                if (entry.getKey() == CameraFault.SLOW) {
                    camera.latencyMillis(1_000 + random.nextInt(2_001));
                }
                if (entry.getKey() == CameraFault.CLOCK_SKEW) {
                    camera.clockSkewSeconds(random.nextBoolean() ? 300 + random.nextInt(3_600) : -300 - random.nextInt(3_600));
                }
            }
            counts.put(entry.getKey(), count);
        }
        return counts;
    }
}
