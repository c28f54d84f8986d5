package org.wardnet.core.track;

import org.wardnet.core.registry.GeoPoint;

/**
 * Metres east and north of a reference point: an equirectangular projection, accurate to well
 * under a metre over a district of a few kilometres, and cheap enough for every distance the
 * planner computes. Not for areas spanning hundreds of kilometres or near the poles.
 */
public final class LocalPlane {

    private static final double METERS_PER_DEGREE = 111_320.0;

    private final double originLat;
    private final double originLon;
    private final double metersPerDegreeLon;

    public LocalPlane(double originLat, double originLon) {
        this.originLat = originLat;
        this.originLon = originLon;
        this.metersPerDegreeLon = METERS_PER_DEGREE * Math.cos(Math.toRadians(originLat));
    }

    public double x(GeoPoint point) {
        return (point.lon() - originLon) * metersPerDegreeLon;
    }

    public double y(GeoPoint point) {
        return (point.lat() - originLat) * METERS_PER_DEGREE;
    }

    public GeoPoint point(double x, double y) {
        return new GeoPoint(originLat + y / METERS_PER_DEGREE, originLon + x / metersPerDegreeLon);
    }

    public double distance(GeoPoint a, GeoPoint b) {
        return Math.hypot(x(a) - x(b), y(a) - y(b));
    }
}
