package org.wardnet.server.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Locale;
import org.wardnet.server.TestServer;

/**
 * A small street grid for track tests: streets every 200 m over 400 m x 400 m south-west of
 * (29.87 N, 121.55 E), and cameras placed in metres east and north of that corner.
 *
 * <pre>
 *   y=400  +-----------+-----------+
 *          |           |           |
 *   y=300  |           D           |
 *   y=200  +--C--A--B-F+-----------+      A (100,200)  B (160,200)  F (180,200)  C (40,200)
 *          |           |           |      E (100,100) stands off the streets
 *   y=0    +-----------+-----------+
 *         x=0        x=200       x=400
 * </pre>
 */
final class TrackFixture {

    static final double LAT = 29.87;
    static final double LON = 121.55;

    private TrackFixture() {
    }

    static double lat(double north) {
        return LAT + north / 111_320.0;
    }

    static double lon(double east) {
        return LON + east / (111_320.0 * Math.cos(Math.toRadians(LAT)));
    }

    /** The grid as an edge list CSV; {@code modes} (space-separated) for every street, or null for all. */
    static String streetsCsv(String modes) {
        StringBuilder csv = new StringBuilder("fromLat,fromLon,toLat,toLon" + (modes == null ? "" : ",modes") + "\n");
        for (int y = 0; y <= 400; y += 200) {
            for (int x = 0; x < 400; x += 200) {
                row(csv, x, y, x + 200, y, modes);
            }
        }
        for (int x = 0; x <= 400; x += 200) {
            for (int y = 0; y < 400; y += 200) {
                row(csv, x, y, x, y + 200, modes);
            }
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, double x0, double y0, double x1, double y1, String modes) {
        csv.append(String.format(Locale.ROOT, "%.7f,%.7f,%.7f,%.7f", lat(y0), lon(x0), lat(y1), lon(x1)));
        if (modes != null) {
            csv.append(',').append(modes);
        }
        csv.append('\n');
    }

    static void camera(TestServer api, String id, double east, double north) throws Exception {
        HttpResponse<String> created = api.postJson("/api/v1/cameras", String.format(Locale.ROOT,
                "{\"id\":\"%s\",\"siteId\":\"R1\",\"name\":\"Camera %s\",\"location\":{\"lat\":%.7f,\"lon\":%.7f},"
                        + "\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/%s\"}}", id, id, lat(north), lon(east), id));
        assertEquals(201, created.statusCode(), created.body());
    }

    /** The standard cameras, streets, and an hour of edge-recorder clips (14:00-15:00) for all but E. */
    static void district(TestServer api) throws Exception {
        camera(api, "A", 100, 200);
        camera(api, "B", 160, 200);
        camera(api, "F", 180, 200);
        camera(api, "C", 40, 200);
        camera(api, "D", 200, 300);
        camera(api, "E", 100, 100);
        HttpResponse<String> streets = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/track/streets"))
                .header("Content-Type", "text/csv")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(streetsCsv(null))));
        assertEquals(200, streets.statusCode(), streets.body());
        StringBuilder clips = new StringBuilder();
        for (String id : new String[] {"A", "B", "C", "D", "F"}) {
            clips.append("{\"cameraId\":\"").append(id).append("\",\"start\":\"2026-11-29T14:00:00Z\",")
                    .append("\"end\":\"2026-11-29T15:00:00Z\",\"mediaUrl\":\"http://10.0.0.9/rec/").append(id)
                    .append("/1400.mp4\"}\n");
        }
        HttpResponse<String> ingested = api.post("/api/v1/clips", "application/x-ndjson", clips.toString());
        assertEquals(200, ingested.statusCode(), ingested.body());
    }
}
