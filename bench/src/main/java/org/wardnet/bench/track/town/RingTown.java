package org.wardnet.bench.track.town;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * An old town: rings around a centre, their radii uneven and their outlines wobbling, crossed by
 * radial streets; the main radials start at the central square, more start at outer rings as the
 * rings grow longer. The inner rings are one-way, alternately clockwise and anticlockwise, as are
 * a few radials inside the second ring; about one ring piece in ten is missing (a wall, a park).
 */
final class RingTown {

    /** Ring pieces longer than this are drawn as several, so a ring is round. */
    private static final double ARC = 35;

    private RingTown() {
    }

    static StreetSketch draw(Random random) {
        List<Double> radii = new ArrayList<>();
        for (double r = 90 + 40 * random.nextDouble(); r < 1_300; r *= 1.25 + 0.2 * random.nextDouble()) {
            radii.add(Math.max(r, radii.isEmpty() ? 0 : radii.get(radii.size() - 1) + 70));
        }
        double[][] wobble = new double[radii.size()][];
        for (int i = 0; i < radii.size(); i++) {
            wobble[i] = new double[] {random.nextDouble() * 6.28, 0.04 + 0.06 * random.nextDouble()};
        }
        // each radial: a bearing and the ring it starts at (-1: the central square)
        List<double[]> radials = new ArrayList<>();
        int main = 6 + random.nextInt(5);
        double turn = random.nextDouble() * 360;
        for (int k = 0; k < main; k++) {
            radials.add(new double[] {turn + k * 360.0 / main + random.nextGaussian() * 8, -1});
        }
        for (int ring = 1; ring < radii.size(); ring++) {
            double circumference = 2 * Math.PI * radii.get(ring);
            int wanted = (int) (circumference / (110 + 60 * random.nextDouble()));
            for (int k = radialsCrossing(radials, ring); k < wanted; k++) {
                radials.add(new double[] {random.nextDouble() * 360, ring});
            }
        }
        StreetSketch sketch = new StreetSketch();
        int centre = sketch.node(0, 0);
        // per ring, the crossing at each bearing where a radial meets it
        List<TreeMap<Double, Integer>> onRing = new ArrayList<>();
        for (int ring = 0; ring < radii.size(); ring++) {
            TreeMap<Double, Integer> at = new TreeMap<>();
            for (double[] radial : radials) {
                if (radial[1] <= ring) {
                    double bearing = ((radial[0] % 360) + 360) % 360;
                    if (at.floorKey(bearing) == null || Math.abs(at.floorKey(bearing) - bearing) > 4) {
                        at.put(bearing, point(sketch, radii.get(ring), wobble[ring], bearing));
                    }
                }
            }
            onRing.add(at);
        }
        for (int ring = 0; ring < radii.size(); ring++) {
            drawRing(sketch, random, radii.get(ring), wobble[ring], onRing.get(ring), ring < 2 ? (ring % 2 == 0 ? 1 : -1) : 0);
        }
        for (double[] radial : radials) {
            double bearing = ((radial[0] % 360) + 360) % 360;
            int previous = radial[1] < 0 ? centre : nearestOn(onRing.get((int) radial[1]), bearing);
            boolean oneWay = radial[1] < 0 && random.nextDouble() < 0.3;
            for (int ring = (int) radial[1] + 1; ring < radii.size(); ring++) {
                Integer here = nearestOn(onRing.get(ring), bearing);
                if (here == null) {
                    break;
                }
                sketch.street(previous, here, oneWay && ring < 2, false);
                previous = here;
            }
        }
        return sketch;
    }

    private static int radialsCrossing(List<double[]> radials, int ring) {
        int n = 0;
        for (double[] r : radials) {
            n += r[1] < ring ? 1 : 0;
        }
        return n;
    }

    private static Integer nearestOn(TreeMap<Double, Integer> ring, double bearing) {
        Double below = ring.floorKey(bearing);
        Double above = ring.ceilingKey(bearing);
        Double best = below == null ? above : above == null ? below : bearing - below <= above - bearing ? below : above;
        return best == null ? null : ring.get(best);
    }

    private static int point(StreetSketch sketch, double radius, double[] wobble, double bearing) {
        double r = radius * (1 + wobble[1] * Math.sin(3 * Math.toRadians(bearing) + wobble[0]));
        return sketch.node(r * Math.sin(Math.toRadians(bearing)), r * Math.cos(Math.toRadians(bearing)));
    }

    /** The ring as pieces of at most {@value #ARC} m between its crossings; {@code oneWay} 1 clockwise, -1 anticlockwise. */
    private static void drawRing(StreetSketch sketch, Random random, double radius, double[] wobble,
            TreeMap<Double, Integer> crossings, int oneWay) {
        if (crossings.size() < 2) {
            return;
        }
        List<Double> bearings = new ArrayList<>(crossings.keySet());
        for (int k = 0; k < bearings.size(); k++) {
            double from = bearings.get(k);
            double to = k + 1 < bearings.size() ? bearings.get(k + 1) : bearings.get(0) + 360;
            if (random.nextDouble() < 0.1) {
                continue;
            }
            int steps = Math.max(1, (int) Math.ceil(Math.toRadians(to - from) * radius / ARC));
            int previous = crossings.get(from);
            for (int s = 1; s <= steps; s++) {
                int next = s < steps ? point(sketch, radius, wobble, from + (to - from) * s / steps)
                        : crossings.get(bearings.get((k + 1) % bearings.size()));
                if (oneWay < 0) {
                    sketch.street(next, previous, true, false);
                } else {
                    sketch.street(previous, next, oneWay > 0, false);
                }
                previous = next;
            }
        }
    }
}
