package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.wardnet.app.work.BlockingWork;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.Outages;
import org.wardnet.core.clips.Timeline;
import org.wardnet.core.geo.GeoArea;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.core.registry.Registry;
import org.wardnet.server.http.ApiRequest;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

/**
 * What footage exists, from the index alone: a camera's timeline (covered intervals and gaps, a
 * gap with its cause when the health history knows one) and coverage (which cameras of a site
 * subtree, a circle or a polygon have footage in a window).
 */
final class FootageResource {

    /** A camera's health events before an instant, newest first. */
    public interface HealthLookup {
        List<HealthEvent> before(String cameraId, Instant until, int limit);
    }

    /** Clips read for one timeline at most; a wider window is refused by the window limit first. */
    private static final int MAX_TIMELINE_CLIPS = 200_000;

    private final ClipIndex index;
    private final Registry registry;
    private final HealthLookup health;
    private final BlockingWork reads;
    private final JsonCodec json;
    private final Duration widest;
    private final Duration tolerance;

    FootageResource(ClipIndex index, Registry registry, HealthLookup health, BlockingWork reads, JsonCodec json,
            Duration widest, Duration tolerance) {
        this.index = index;
        this.registry = registry;
        this.health = health;
        this.reads = reads;
        this.json = json;
        this.widest = widest;
        this.tolerance = tolerance;
    }

    CompletableFuture<ApiResponse> timeline(ApiRequest request) {
        String id = RequestParams.camera(registry, request, RequestParams.id(request)).id();
        TimeWindow window = TimeWindow.of(request, widest);
        return reads.submit(() -> {
            List<Clip> clips = new ArrayList<>();
            ClipIndex.Cursor after = null;
            while (clips.size() < MAX_TIMELINE_CLIPS) {
                List<Clip> page = index.overlapping(id, window.from(), window.to(), after, 5_000);
                clips.addAll(page);
                if (page.size() < 5_000) {
                    break;
                }
                Clip last = page.get(page.size() - 1);
                after = new ClipIndex.Cursor(last.start().toEpochMilli(), last.id());
            }
            List<Timeline.Outage> outages = Outages.of(health.before(id, window.to(), 1_000), window.to());
            Timeline timeline = Timeline.of(clips, window.from(), window.to(), tolerance, outages);
            return ApiResponse.json(HttpResponseStatus.OK, json.write(timelineView(id, timeline)));
        });
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
        Scope scope = scope(request);
        List<String> ids = scope.cameraIds();
        return reads.submit(() -> {
            List<String> found = index.withFootage(ids, window.from(), window.to());
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("from", window.from().toString());
            view.put("to", window.to().toString());
            view.put("scope", scope.description());
            view.put("camerasInScope", ids.size());
            view.put("camerasWithFootage", found.size());
            List<Map<String, Object>> cameras = new ArrayList<>();
            for (String id : found) {
                registry.camera(id).ifPresent(c -> cameras.add(cameraView(c)));
            }
            view.put("cameras", cameras);
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

    /** The cameras a coverage query asks about. */
    private record Scope(String description, List<String> cameraIds) {
    }

    private Scope scope(ApiRequest request) {
        String site = request.queryParam("site");
        String lat = request.queryParam("lat");
        String polygon = request.queryParam("polygon");
        int given = (site != null ? 1 : 0) + (lat != null ? 1 : 0) + (polygon != null ? 1 : 0);
        if (given != 1) {
            throw RequestParams.invalid("site", "give exactly one of site=ID, lat=&lon=&radiusMeters=, or"
                    + " polygon=lat1,lon1,lat2,lon2,lat3,lon3...");
        }
        if (site != null) {
            RequestParams.site(registry, request, site);
            return new Scope("site " + site, registry.queries().cameraIdsInSubtree(site));
        }
        GeoArea area;
        String description;
        try {
            if (lat != null) {
                GeoPoint centre = point(lat, request.queryParam("lon"));
                double radius = number("radiusMeters", request.queryParam("radiusMeters"));
                area = new GeoArea.Circle(centre, radius);
                description = "within " + radius + " m of " + centre.lat() + "," + centre.lon();
            } else {
                // A flat list: ';' would be a query separator to many HTTP libraries.
                String[] numbers = polygon.split(",");
                if (numbers.length % 2 != 0) {
                    throw new IllegalArgumentException("vertices come in lat,lon pairs; got " + numbers.length + " numbers");
                }
                List<GeoPoint> vertices = new ArrayList<>();
                for (int i = 0; i < numbers.length; i += 2) {
                    vertices.add(point(numbers[i], numbers[i + 1]));
                }
                area = new GeoArea.Polygon(vertices);
                description = "polygon of " + vertices.size() + " vertices";
            }
        } catch (IllegalArgumentException e) {
            throw RequestParams.invalid(lat != null ? "lat" : "polygon", e.getMessage());
        }
        List<String> ids = new ArrayList<>();
        org.wardnet.core.access.AccessScope access = request.requireScope();
        for (Camera camera : registry.queries().allCameras()) {
            // only the caller's cameras: an area reaching over a boundary covers its own side
            if (area.contains(camera.location()) && access.covers(camera.siteId())) {
                ids.add(camera.id());
            }
        }
        return new Scope(description, ids);
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
