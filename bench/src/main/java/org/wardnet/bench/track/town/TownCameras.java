package org.wardnet.bench.track.town;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.wardnet.core.track.LocalPlane;

/**
 * Places cameras along a sketch's streets and draws each one's own view, detection and clock from
 * wide ranges: reach 10-45 m, half angle 25-90 degrees, detection 0.5-0.95, clock off by up to
 * 60 s either way, 0-5 % of a town's cameras down. Four in ten stand within 15 m of a crossing;
 * most hang a few metres off the street, one in twenty stands 25-60 m back (an estate's camera).
 * One in seven is a dome that sees all round; of the rest, 55 % aim at their street, the others
 * anywhere. The registry has a heading for four in five of the aimed cameras, off by a few degrees.
 */
final class TownCameras {

    private TownCameras() {
    }

    static List<TrueCamera> place(StreetSketch sketch, LocalPlane plane, Random random, double metersPerCamera,
            String prefix) {
        List<StreetSketch.Piece> pieces = sketch.pieces();
        double[] cumulative = new double[pieces.size()];
        double total = 0;
        for (int i = 0; i < pieces.size(); i++) {
            total += length(sketch, pieces.get(i));
            cumulative[i] = total;
        }
        int count = (int) (total / metersPerCamera);
        double downRate = 0.05 * random.nextDouble();
        List<TrueCamera> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * total);
            StreetSketch.Piece piece = pieces.get(at < 0 ? -at - 1 : at);
            double length = length(sketch, piece);
            double along = random.nextDouble() < 0.4
                    ? (random.nextBoolean() ? 1 : -1) * 15 * random.nextDouble() + (random.nextBoolean() ? 0 : length)
                    : random.nextDouble() * length;
            along = Math.max(0, Math.min(length, along));
            double ux = (sketch.x(piece.b()) - sketch.x(piece.a())) / length;
            double uy = (sketch.y(piece.b()) - sketch.y(piece.a())) / length;
            double pick = random.nextDouble();
            double back = pick < 0.85 ? 2 + 10 * random.nextDouble() : pick < 0.95 ? 12 + 13 * random.nextDouble()
                    : 25 + 35 * random.nextDouble();
            double side = random.nextBoolean() ? 1 : -1;
            double x = sketch.x(piece.a()) + ux * along - uy * back * side;
            double y = sketch.y(piece.a()) + uy * along + ux * back * side;
            Double heading;
            Double registered;
            double reach = 10 + 35 * random.nextDouble();
            double half = 25 + 65 * random.nextDouble();
            if (random.nextDouble() < 1 / 7.0) {
                heading = null;
                registered = null;
                reach = 10 + 15 * random.nextDouble();
                half = 180;
            } else {
                if (random.nextDouble() < 0.55) {
                    double ahead = (random.nextBoolean() ? 1 : -1) * (5 + 25 * random.nextDouble());
                    double tx = sketch.x(piece.a()) + ux * (along + ahead);
                    double ty = sketch.y(piece.a()) + uy * (along + ahead);
                    heading = compass(Math.toDegrees(Math.atan2(tx - x, ty - y)) + random.nextGaussian() * 12);
                } else {
                    heading = random.nextDouble() * 360;
                }
                registered = random.nextDouble() < 0.8 ? compass(heading + random.nextGaussian() * 6) : null;
            }
            out.add(new TrueCamera(String.format(Locale.ROOT, "%s%06d", prefix, n), plane.point(x, y), heading,
                    registered, reach, half, 6 * random.nextDouble(), 0.5 + 0.45 * random.nextDouble(),
                    -60 + 120 * random.nextDouble(), random.nextDouble() < downRate));
        }
        return out;
    }

    private static double compass(double degrees) {
        return ((degrees % 360) + 360) % 360;
    }

    private static double length(StreetSketch sketch, StreetSketch.Piece piece) {
        return Math.hypot(sketch.x(piece.b()) - sketch.x(piece.a()), sketch.y(piece.b()) - sketch.y(piece.a()));
    }
}
