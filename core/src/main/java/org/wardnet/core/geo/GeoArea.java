package org.wardnet.core.geo;

import java.util.List;
import org.wardnet.core.registry.GeoPoint;

/**
 * An area on the ground: a circle (centre and radius) or a simple polygon (WGS-84 vertices). Used
 * to pick cameras by where they are mounted.
 *
 * <p>Limits: distances use the haversine formula on a sphere of radius 6,371,008.8 m (error well
 * under 0.5 % at district scale); polygons are tested by ray casting on longitude and latitude as
 * plane coordinates, fine for areas of a few kilometres away from the poles and the antimeridian.
 */
public sealed interface GeoArea permits GeoArea.Circle, GeoArea.Polygon {

    double EARTH_RADIUS_METERS = 6_371_008.8;

    boolean contains(GeoPoint point);

    /** Points within {@code radiusMeters} of {@code centre}. */
    record Circle(GeoPoint centre, double radiusMeters) implements GeoArea {
        public Circle {
            if (!(radiusMeters > 0) || radiusMeters > 100_000) {
                throw new IllegalArgumentException("radius must be above 0 and at most 100 km, got " + radiusMeters);
            }
        }

        @Override
        public boolean contains(GeoPoint point) {
            return distanceMeters(centre, point) <= radiusMeters;
        }
    }

    /** A simple polygon of 3 to 1,000 vertices, closed implicitly. */
    record Polygon(List<GeoPoint> vertices) implements GeoArea {
        public Polygon {
            vertices = List.copyOf(vertices);
            if (vertices.size() < 3 || vertices.size() > 1_000) {
                throw new IllegalArgumentException("a polygon needs 3 to 1000 vertices, got " + vertices.size());
            }
        }

        @Override
        public boolean contains(GeoPoint point) {
            boolean inside = false;
            for (int i = 0, j = vertices.size() - 1; i < vertices.size(); j = i++) {
                GeoPoint a = vertices.get(i);
                GeoPoint b = vertices.get(j);
                if ((a.lat() > point.lat()) != (b.lat() > point.lat())
                        && point.lon() < (b.lon() - a.lon()) * (point.lat() - a.lat()) / (b.lat() - a.lat()) + a.lon()) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }

    /** Great-circle distance in metres. */
    static double distanceMeters(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
