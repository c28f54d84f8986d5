package org.wardnet.bench.track.town;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A planned town: straight streets on a grid whose blocks vary from 60 to 140 m, crossings moved a
 * few metres off the lines, about one piece in twenty missing (building sites, plazas), and one
 * street in eight one-way, alternating direction.
 */
final class GridTown {

    private static final double SIZE = 2_400;

    private GridTown() {
    }

    static StreetSketch draw(Random random) {
        List<Double> columns = lines(random);
        List<Double> rows = lines(random);
        StreetSketch sketch = new StreetSketch();
        int[][] at = new int[columns.size()][rows.size()];
        for (int i = 0; i < columns.size(); i++) {
            for (int j = 0; j < rows.size(); j++) {
                at[i][j] = sketch.node(columns.get(i) + random.nextGaussian() * 3, rows.get(j) + random.nextGaussian() * 3);
            }
        }
        for (int j = 0; j < rows.size(); j++) {
            int oneWay = random.nextDouble() < 0.125 ? (j % 2 == 0 ? 1 : -1) : 0;
            for (int i = 0; i + 1 < columns.size(); i++) {
                add(sketch, random, at[i][j], at[i + 1][j], oneWay);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            int oneWay = random.nextDouble() < 0.125 ? (i % 2 == 0 ? 1 : -1) : 0;
            for (int j = 0; j + 1 < rows.size(); j++) {
                add(sketch, random, at[i][j], at[i][j + 1], oneWay);
            }
        }
        return sketch;
    }

    private static void add(StreetSketch sketch, Random random, int a, int b, int oneWay) {
        if (random.nextDouble() < 0.05) {
            return;
        }
        if (oneWay < 0) {
            sketch.street(b, a, true, false);
        } else {
            sketch.street(a, b, oneWay > 0, false);
        }
    }

    private static List<Double> lines(Random random) {
        List<Double> out = new ArrayList<>();
        for (double at = 0; at <= SIZE; at += 60 + 80 * random.nextDouble()) {
            out.add(at);
        }
        return out;
    }
}
