package org.wardnet.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.core.track.StreetSegment;
import org.wardnet.core.track.TravelMode;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/**
 * Reads a street network: GeoJSON (a FeatureCollection of LineString or MultiLineString features;
 * properties {@code oneway} true/"yes" and {@code modes} ["WALK", ...] are optional), or an edge
 * list CSV with the header {@code fromLat,fromLon,toLat,toLon} and optional {@code modes}
 * (space-separated) and {@code oneWay} columns. Each consecutive pair of points is one segment.
 * The first unreadable feature or line is reported with its position (400).
 */
final class StreetImport {

    static final int MAX_SEGMENTS = 2_000_000;

    private StreetImport() {
    }

    static List<StreetSegment> geoJson(ObjectMapper mapper, byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new ApiException(JsonCodec.problemFor(e));
        }
        JsonNode features = root == null ? null : root.get("features");
        if (features == null || !features.isArray()) {
            throw new ApiException(Problem.badRequest("a street network in GeoJSON is a FeatureCollection with a"
                    + " 'features' array"));
        }
        List<StreetSegment> out = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            JsonNode feature = features.get(f);
            JsonNode geometry = feature.get("geometry");
            String type = geometry == null ? "" : geometry.path("type").asText();
            JsonNode properties = feature.path("properties");
            boolean oneWay = properties.path("oneway").asBoolean(false) || "yes".equals(properties.path("oneway").asText());
            Set<TravelMode> modes = modes(properties.get("modes"), "feature " + (f + 1));
            if (type.equals("LineString")) {
                line(geometry.get("coordinates"), modes, oneWay, "feature " + (f + 1), out);
            } else if (type.equals("MultiLineString")) {
                for (JsonNode part : geometry.path("coordinates")) {
                    line(part, modes, oneWay, "feature " + (f + 1), out);
                }
            } else {
                throw new ApiException(Problem.badRequest("feature " + (f + 1) + ": geometry must be a LineString or"
                        + " MultiLineString, got '" + type + "'"));
            }
        }
        return out;
    }

    private static void line(JsonNode coordinates, Set<TravelMode> modes, boolean oneWay, String where,
            List<StreetSegment> out) {
        if (coordinates == null || !coordinates.isArray() || coordinates.size() < 2) {
            throw new ApiException(Problem.badRequest(where + ": a line needs at least two [lon, lat] positions"));
        }
        GeoPoint previous = null;
        for (JsonNode position : coordinates) {
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw new ApiException(Problem.badRequest(where + ": a position is [lon, lat] in degrees"));
            }
            GeoPoint point = point(position.get(1).asDouble(), position.get(0).asDouble(), where);
            if (previous != null) {
                add(out, new StreetSegment(previous, point, modes, oneWay));
            }
            previous = point;
        }
    }

    static List<StreetSegment> csv(byte[] body) {
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new ApiException(Problem.badRequest("the edge list is empty; its header is"
                    + " fromLat,fromLon,toLat,toLon[,modes][,oneWay]"));
        }
        List<String> header = List.of(lines[0].replace("\uFEFF", "").trim().split("\\s*,\\s*"));
        int fromLat = column(header, "fromLat");
        int fromLon = column(header, "fromLon");
        int toLat = column(header, "toLat");
        int toLon = column(header, "toLon");
        int modes = header.indexOf("modes");
        int oneWay = header.indexOf("oneWay");
        List<StreetSegment> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = "line " + (i + 1);
            String[] cells = lines[i].split("\\s*,\\s*", -1);
            if (cells.length < header.size()) {
                throw new ApiException(Problem.badRequest(where + ": " + header.size() + " columns expected, got "
                        + cells.length));
            }
            try {
                GeoPoint a = point(Double.parseDouble(cells[fromLat]), Double.parseDouble(cells[fromLon]), where);
                GeoPoint b = point(Double.parseDouble(cells[toLat]), Double.parseDouble(cells[toLon]), where);
                Set<TravelMode> allowed = modes < 0 || cells[modes].isBlank() ? null
                        : modes(cells[modes].trim().split("\\s+"), where);
                add(out, new StreetSegment(a, b, allowed, oneWay >= 0 && Boolean.parseBoolean(cells[oneWay].trim())));
            } catch (NumberFormatException e) {
                throw new ApiException(Problem.badRequest(where + ": coordinates must be decimal degrees"));
            }
        }
        return out;
    }

    private static int column(List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new ApiException(Problem.badRequest("the edge list's header lacks '" + name
                    + "'; it is fromLat,fromLon,toLat,toLon[,modes][,oneWay]"));
        }
        return index;
    }

    private static void add(List<StreetSegment> out, StreetSegment segment) {
        if (out.size() >= MAX_SEGMENTS) {
            throw new ApiException(Problem.of(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "too-many-segments", "Too many segments", "a street network has at most " + MAX_SEGMENTS
                            + " segments"));
        }
        out.add(segment);
    }

    private static GeoPoint point(double lat, double lon, String where) {
        try {
            return new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Problem.badRequest(where + ": " + e.getMessage()));
        }
    }

    private static Set<TravelMode> modes(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        node.forEach(n -> names.add(n.asText()));
        return modes(names.toArray(String[]::new), where);
    }

    private static Set<TravelMode> modes(String[] names, String where) {
        Set<TravelMode> modes = EnumSet.noneOf(TravelMode.class);
        for (String name : names) {
            TravelMode mode = TravelMode.parse(name);
            if (mode == null) {
                throw new ApiException(Problem.badRequest(where + ": unknown mode '" + name.toLowerCase(Locale.ROOT)
                        + "'; modes are WALK, BIKE and CAR"));
            }
            modes.add(mode);
        }
        return modes;
    }
}
