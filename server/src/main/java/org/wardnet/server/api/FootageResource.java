package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** A camera's covered intervals and gaps in a window; a gap's cause is left out when unknown. */
    record TimelineJson(String cameraId, String from, String to, long coveredSeconds, List<IntervalJson> covered,
            List<GapJson> gaps) {
    }

    record IntervalJson(String from, String to, int clips) {
    }

    record GapJson(String from, String to, String cause) {
    }

    /** Which of the caller's cameras in an area have footage in a window. */
    record CoverageJson(String from, String to, String scope, int camerasInScope, int camerasWithFootage,
            List<CameraJson> cameras) {
    }

    record CameraJson(String id, String name, String siteId, RegistryJson.LocationJson location) {
    }

    CompletableFuture<ApiResponse> timeline(ApiRequest request) {
        String id = RequestParams.id(request);
        TimeWindow window = TimeWindow.of(request, widest);
        Caller caller = request.caller();
        return reads.submit(() -> ApiResponse.json(HttpResponseStatus.OK, json.write(timelineJson(id,
                footage.timeline(caller, id, window.from(), window.to())))));
    }

    private static TimelineJson timelineJson(String cameraId, Timeline timeline) {
        return new TimelineJson(cameraId, timeline.from().toString(), timeline.to().toString(),
                timeline.coveredSeconds(),
                timeline.covered().stream().map(i -> new IntervalJson(i.from().toString(), i.to().toString(),
                        i.clips())).toList(),
                timeline.gaps().stream().map(g -> new GapJson(g.from().toString(), g.to().toString(), g.cause()))
                        .toList());
    }

    CompletableFuture<ApiResponse> coverage(ApiRequest request) {
        TimeWindow window = TimeWindow.of(request, widest);
        FootageQueries.Area area = area(request);
        Caller caller = request.caller();
        return reads.submit(() -> {
            FootageQueries.Coverage found = footage.coverage(caller, area, window.from(), window.to());
            return ApiResponse.json(HttpResponseStatus.OK, json.write(new CoverageJson(window.from().toString(),
                    window.to().toString(), found.description(), found.camerasInScope(), found.withFootage().size(),
                    found.withFootage().stream().map(FootageResource::cameraJson).toList())));
        });
    }

    private static CameraJson cameraJson(Camera camera) {
        return new CameraJson(camera.id(), camera.name(), camera.siteId(),
                new RegistryJson.LocationJson(camera.location().lat(), camera.location().lon()));
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
