package org.wardnet.simulator.district;

import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.core.track.StreetSegment;

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

    /**
     * Every street as segments between neighbouring crossings, west to east then south to north:
     * the network track-following plans on. Arterials are the local lines that fall on a multiple
     * of {@code arterialSpacing}; every street carries every mode both ways.
     */
    public List<StreetSegment> segments() {
        List<StreetSegment> out = new ArrayList<>();
        for (double y = 0; y <= heightMeters; y += streetSpacing) {
            for (double x = 0; x + streetSpacing <= widthMeters; x += streetSpacing) {
                out.add(new StreetSegment(point(x, y), point(x + streetSpacing, y), null, false));
            }
        }
        for (double x = 0; x <= widthMeters; x += streetSpacing) {
            for (double y = 0; y + streetSpacing <= heightMeters; y += streetSpacing) {
                out.add(new StreetSegment(point(x, y), point(x, y + streetSpacing), null, false));
            }
        }
        return out;
    }

    /** The WGS-84 position of (east, north) metres from the south-west corner. */
    public GeoPoint point(double eastMeters, double northMeters) {
        return new GeoPoint(lat(northMeters), lon(eastMeters));
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
