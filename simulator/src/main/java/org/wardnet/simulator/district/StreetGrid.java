package org.wardnet.simulator.district;

/**
 * The district's rectangle and its street grid, in metres from the south-west corner, with the
 * conversion to WGS-84. The rectangle is small (a few km), so an equirectangular projection is
 * accurate to well under a metre.
 *
 * @param originLat        latitude of the south-west corner
 * @param originLon        longitude of the south-west corner
 * @param widthMeters      east-west extent
 * @param heightMeters     north-south extent
 * @param streetSpacing    distance between parallel local streets
 * @param arterialSpacing  distance between parallel arterial roads (a multiple of streetSpacing)
 */
public record StreetGrid(double originLat, double originLon, double widthMeters, double heightMeters,
        double streetSpacing, double arterialSpacing) {

    private static final double METERS_PER_DEGREE_LAT = 111_320.0;

    public StreetGrid {
        if (widthMeters <= 0 || heightMeters <= 0 || streetSpacing <= 0 || arterialSpacing < streetSpacing) {
            throw new IllegalArgumentException("invalid grid dimensions");
        }
    }

    public double lat(double northMeters) {
        return originLat + northMeters / METERS_PER_DEGREE_LAT;
    }

    public double lon(double eastMeters) {
        return originLon + eastMeters / (METERS_PER_DEGREE_LAT * Math.cos(Math.toRadians(originLat)));
    }

    /** The nearest multiple of {@code spacing} to {@code meters}. */
    static double snap(double meters, double spacing) {
        return Math.round(meters / spacing) * spacing;
    }

    double clampX(double x) {
        return Math.max(0, Math.min(widthMeters, x));
    }

    double clampY(double y) {
        return Math.max(0, Math.min(heightMeters, y));
    }
}
