package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.clips.FootageQueries;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.access.Caller;
import org.wardnet.core.clips.Timeline;
import org.wardnet.core.geo.GeoArea;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

/**
 * What footage exists, over HTTP: a camera's timeline (covered intervals and gaps with their
 * causes) and coverage of a site subtree, a circle or a polygon; {@link FootageQueries} answers.
 */
final class FootageResource {

    private final FootageQueries footage;
    private final BlockingWork reads;
    private final JsonCodec json;
    private final Duration widest;

    FootageResource(FootageQueries footage, BlockingWork reads, JsonCodec json, Duration widest) {
        this.footage = footage;
        this.reads = reads;
        this.json = json;
        this.widest = widest;
    }

    CompletableFuture<ApiResponse> timeline(ApiRequest request) {
        String id = RequestParams.id(request);
        TimeWindow window = TimeWindow.of(request, widest);
        Caller caller = request.caller();
        return reads.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(timelineView(id,
                footage.timeline(caller, id, window.from(), window.to())))));
    }

    private static Map<String, Object> timelineView(String cameraId, Timeline timeline) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cameraId", cameraId);
        view.put("from", timeline.from().toString());
        view.put("to", timeline.to().toString());
        view.put("coveredSeconds", timeline.coveredSeconds());
        view.put("covered", timeline.covered().stream().map(i -> Map.of("from", i.from().toString(),
                "to", i.to().toString(), "clips", i.clips())).toList());
        view.put("gaps", timeline.gaps().stream().map(g -> {
            Map<String, Object> gap = new LinkedHashMap<>();
            gap.put("from", g.from().toString());
            gap.put("to", g.to().toString());
            gap.put("cause", g.cause());
            return gap;
        }).toList());
        return view;
    }

    CompletableFuture<ApiResponse> coverage(ApiRequest request) {
        TimeWindow window = TimeWindow.of(request, widest);
        FootageQueries.Area area = area(request);
        Caller caller = request.caller();
        return reads.submit(() -> {
            FootageQueries.Coverage found = footage.coverage(caller, area, window.from(), window.to());
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("from", window.from().toString());
            view.put("to", window.to().toString());
            view.put("scope", found.description());
            view.put("camerasInScope", found.camerasInScope());
            view.put("camerasWithFootage", found.withFootage().size());
            view.put("cameras", found.withFootage().stream().map(FootageResource::cameraView).toList());
            return ApiResponse.json(HttpResponseStatus.OK, json.write(view));
        });
    }

    private static Map<String, Object> cameraView(Camera camera) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", camera.id());
        view.put("name", camera.name());
        view.put("siteId", camera.siteId());
        view.put("location", Map.of("lat", camera.location().lat(), "lon", camera.location().lon()));
        return view;
    }

    /** The area a coverage query names: exactly one of a site, a circle, a polygon. */
    private static FootageQueries.Area area(ApiRequest request) {
        String site = request.queryParam("site");
        String lat = request.queryParam("lat");
        String polygon = request.queryParam("polygon");
        int given = (site != null ? 1 : 0) + (lat != null ? 1 : 0) + (polygon != null ? 1 : 0);
        if (given != 1) {
            throw RequestParams.invalid("site", "give exactly one of site=ID, lat=&lon=&radiusMeters=, or"
                    + " polygon=lat1,lon1,lat2,lon2,lat3,lon3...");
        }
        if (site != null) {
            return FootageQueries.Area.site(site);
        }
        try {
            if (lat != null) {
                GeoPoint centre = point(lat, request.queryParam("lon"));
                double radius = number("radiusMeters", request.queryParam("radiusMeters"));
                return FootageQueries.Area.shape(new GeoArea.Circle(centre, radius),
                        "within " + radius + " m of " + centre.lat() + "," + centre.lon());
            }
            // A flat list: ';' would be a query separator to many HTTP libraries.
            String[] numbers = polygon.split(",");
            if (numbers.length % 2 != 0) {
                throw new IllegalArgumentException("vertices come in lat,lon pairs; got " + numbers.length + " numbers");
            }
            List<GeoPoint> vertices = new ArrayList<>();
            for (int i = 0; i < numbers.length; i += 2) {
                vertices.add(point(numbers[i], numbers[i + 1]));
            }
            return FootageQueries.Area.shape(new GeoArea.Polygon(vertices),
                    "polygon of " + vertices.size() + " vertices");
        } catch (IllegalArgumentException e) {
            throw RequestParams.invalid(lat != null ? "lat" : "polygon", e.getMessage());
        }
    }

    private static GeoPoint point(String lat, String lon) {
        double la = number("lat", lat);
        double lo = number("lon", lon);
        if (la < -90 || la > 90 || lo < -180 || lo > 180) {
            throw new IllegalArgumentException("lat must be -90..90 and lon -180..180, got " + la + "," + lo);
        }
        return new GeoPoint(la, lo);
    }

    private static double number(String name, String text) {
        if (text == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + " is not a number: '" + text + "'");
    }
}
