package org.wardnet.simulator.district;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.wardnet.core.registry.CameraCsvFormat;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.core.track.StreetSegment;

/**
 * Writes a district as files a client can send to the API: the cameras as CSV for
 * {@code POST /api/v1/cameras/import}, and the sites as NDJSON, one {@code POST /api/v1/sites}
 * body per line, parents first.
 */
public final class DistrictFiles {

    private DistrictFiles() {
    }

    public static void writeCamerasCsv(District district, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CameraCsvFormat.header());
            for (CameraDraft camera : district.cameras()) {
                out.write(CameraCsvFormat.row(camera));
            }
        }
    }

    /** The cameras CSV as one string (about 3 MB for the reference district). */
    public static String camerasCsv(District district) {
        StringBuilder out = new StringBuilder(district.cameras().size() * 260);
        out.append(CameraCsvFormat.header());
        district.cameras().forEach(camera -> out.append(CameraCsvFormat.row(camera)));
        return out.toString();
    }

    public static void writeSitesNdjson(District district, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (SiteDraft site : district.sites()) {
                out.write(siteJson(site));
                out.write('\n');
            }
        }
    }

    /** One site as a JSON object (the generator's text never needs more than quote escaping). */
    public static String siteJson(SiteDraft site) {
        StringBuilder json = new StringBuilder("{");
        field(json, "id", site.id());
        field(json, "name", site.name());
        field(json, "tier", site.tier());
        field(json, "parentId", site.parentId());
        field(json, "kind", site.kind());
        field(json, "address", site.address());
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        json.append('"').append(name).append("\":\"").append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"');
    }

    /**
     * The street grid as a GeoJSON FeatureCollection, one LineString per segment between
     * crossings, for {@code PUT /api/v1/track/streets}.
     */
    public static void writeStreetsGeoJson(District district, Path file) throws IOException {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (StreetSegment s : district.grid().segments()) {
            json.append(first ? "\n" : ",\n");
            first = false;
            json.append(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
                    + "{\"type\":\"LineString\",\"coordinates\":[[%.7f,%.7f],[%.7f,%.7f]]}}", s.from().lon(),
                    s.from().lat(), s.to().lon(), s.to().lat()));
        }
        json.append("\n]}\n");
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }
}
