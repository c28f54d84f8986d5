package org.wardnet.app.track;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardnet.core.track.TrackCase;

/** A case's route as a GeoJSON FeatureCollection: one LineString through the hops, and a Point per hop. */
final class RouteGeoJson {

    private RouteGeoJson() {
    }

    static Map<String, Object> of(TrackCase trackCase, Map<String, double[]> locations) {
        List<Object> features = new ArrayList<>();
        List<List<Double>> line = new ArrayList<>();
        for (TrackCase.Hop hop : trackCase.hops()) {
            double[] at = locations.get(hop.cameraId());
            if (at == null) {
                continue;
            }
            List<Double> position = List.of(at[1], at[0]);
            line.add(position);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("seq", hop.seq());
            properties.put("cameraId", hop.cameraId());
            properties.put("time", hop.time().toString());
            features.add(Map.of("type", "Feature", "geometry", Map.of("type", "Point", "coordinates", position),
                    "properties", properties));
        }
        if (line.size() >= 2) {
            features.add(0, Map.of("type", "Feature", "geometry", Map.of("type", "LineString", "coordinates", line),
                    "properties", Map.of("caseId", trackCase.id(), "mode", trackCase.mode().name())));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }
}
