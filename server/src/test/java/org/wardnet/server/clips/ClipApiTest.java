package org.wardnet.server.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.OpenApiAssertions.assertFits;
import static org.wardnet.server.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * The clip index over HTTP: ingest from an edge recorder (one object, NDJSON batches with and
 * without atomic), listing with paging, timelines with gaps, coverage by site, circle and polygon,
 * and every bad input named.
 */
class ClipApiTest extends ApiTestBase {

    @BeforeEach
    void cameras() throws Exception {
        // a and b in R1 (under S1) at the same spot; c in R2 (under S2) about 1.1 km north
        for (String body : new String[] {
            "{\"id\":\"a\",\"siteId\":\"R1\",\"name\":\"A\",\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/a\"}}",
            "{\"id\":\"b\",\"siteId\":\"R1\",\"name\":\"B\",\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/b\"}}",
            "{\"id\":\"c\",\"siteId\":\"R2\",\"name\":\"C\",\"location\":{\"lat\":29.88,\"lon\":121.55},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/c\"}}"}) {
            assertEquals(201, api.post("/api/v1/cameras", "application/json", body).statusCode());
        }
    }

    private static String clip(String camera, String start, String end) {
        return "{\"cameraId\":\"" + camera + "\",\"start\":\"" + start + "\",\"end\":\"" + end
                + "\",\"mediaUrl\":\"http://10.0.0.5/rec/" + camera + "/" + start.substring(11, 16).replace(":", "")
                + ".mp4\",\"codec\":\"h264\",\"width\":1920,\"height\":1080}";
    }

    @Test
    void ingestOneAndListIt() throws Exception {
        HttpResponse<String> created = api.post("/api/v1/clips", "application/json",
                clip("a", "2026-11-29T14:00:00Z", "2026-11-29T14:10:00Z"));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode clip = TestServer.json(created);
        assertFits(api, "Clip", clip);
        assertEquals("INGESTED", clip.get("origin").asText());
        assertEquals("H264", clip.get("codec").asText());
        assertEquals(600.0, clip.get("durationSeconds").asDouble());
        assertEquals("http://10.0.0.5/rec/a/1400.mp4", clip.get("mediaUrl").asText());
        assertEquals("/api/v1/clips/" + clip.get("id").asLong(), created.headers().firstValue("location").orElseThrow());
        assertEquals(clip, TestServer.json(api.get("/api/v1/clips/" + clip.get("id").asLong())));
        JsonNode list = TestServer.json(api.get("/api/v1/clips?camera=a&from=2026-11-29T14:05:00Z&to=2026-11-29T14:06:00Z"));
        assertEquals(1, list.get("items").size(), "overlaps although it started before the window");
        assertTrue(!list.has("nextCursor"), "no next page");
        assertFits(api, "ClipPage", list);
        assertEquals(0, TestServer.json(api.get("/api/v1/clips?camera=a&from=2026-11-29T14:10:00Z&to=2026-11-29T15:00:00Z"))
                .get("items").size(), "end is exclusive");
    }

    @Test
    void holdsArePlacedShownAndReleased() throws Exception {
        long id = TestServer.json(api.post("/api/v1/clips", "application/json",
                clip("a", "2026-11-29T14:00:00Z", "2026-11-29T14:10:00Z"))).get("id").asLong();
        assertEquals(200, api.putJson("/api/v1/clips/" + id + "/hold", "{\"reason\":\"case 2026-114\"}").statusCode());
        assertEquals("case 2026-114", TestServer.json(api.get("/api/v1/clips/" + id)).get("hold").asText());
        assertEquals(204, api.delete("/api/v1/clips/" + id + "/hold").statusCode());
        assertTrue(!TestServer.json(api.get("/api/v1/clips/" + id)).has("hold"));
        assertProblem(api.delete("/api/v1/clips/" + id + "/hold"), 404, "no hold");
        assertProblem(api.putJson("/api/v1/clips/" + id + "/hold", "{\"reason\":\" \"}"), 400, "reason");
        assertProblem(api.putJson("/api/v1/clips/987654/hold", "{\"reason\":\"x\"}"), 404, "no clip 987654");
    }

    @Test
    void batchesReportEveryRowAndAtomicRefusesAll() throws Exception {
        String batch = clip("a", "2026-11-29T14:00:00Z", "2026-11-29T14:01:00Z") + "\n"
                + "{\"cameraId\":\"nobody\",\"start\":\"2026-11-29T14:00:00Z\",\"end\":\"2026-11-29T13:00:00Z\"}\n"
                + "not json\n\n"
                + clip("b", "2026-11-29T14:00:00Z", "2026-11-29T14:01:00Z") + "\n";
        HttpResponse<String> atomic = api.post("/api/v1/clips?atomic=true", "application/x-ndjson", batch);
        JsonNode refused = assertProblem(atomic, 422, "no clips were stored");
        assertEquals(4, refused.get("total").asInt());
        assertEquals(2, refused.get("failed").asInt());
        assertEquals(0, TestServer.json(api.get("/api/v1/clips?camera=a&from=2026-11-29T13:00:00Z&to=2026-11-29T15:00:00Z"))
                .get("items").size());

        HttpResponse<String> lenient = api.post("/api/v1/clips", "application/x-ndjson", batch);
        assertEquals(200, lenient.statusCode(), lenient.body());
        JsonNode result = TestServer.json(lenient);
        assertFits(api, "ClipBatchResult", result);
        assertEquals(2, result.get("created").asInt());
        JsonNode rows = result.get("results");
        assertEquals("created", rows.get(0).get("status").asText());
        assertEquals(2, rows.get(1).get("row").asInt());
        List<String> fields = new ArrayList<>();
        rows.get(1).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("cameraId", "end", "mediaUrl"), fields, rows.get(1).toString());
        assertEquals(3, rows.get(2).get("row").asInt());
        assertEquals("failed", rows.get(2).get("status").asText());
        assertEquals(5, rows.get(3).get("row").asInt(), "the blank line 4 is skipped, numbering is by line");
    }

    /**
     * An edge recorder syncing a day of its index in one request: several MB of NDJSON take
     * server.maxImportBodyBytes, while one JSON object keeps server.maxJsonBodyBytes (1 MiB).
     */
    @Test
    void aDayOfAnEdgeRecordersIndexIsOneBatch() throws Exception {
        StringBuilder day = new StringBuilder();
        java.time.Instant midnight = java.time.Instant.parse("2026-11-28T00:00:00Z");
        int rows = 17_280; // five-second segments
        for (int i = 0; i < rows; i++) {
            java.time.Instant start = midnight.plusSeconds(5L * i);
            day.append(clip("a", start.toString(), start.plusSeconds(5).toString())).append('\n');
        }
        assertTrue(day.length() > 2 * 1024 * 1024, "over the JSON body limit: " + day.length());
        HttpResponse<String> synced = api.post("/api/v1/clips?atomic=true", "application/x-ndjson", day.toString());
        assertEquals(200, synced.statusCode(), synced.body().substring(0, Math.min(400, synced.body().length())));
        assertEquals(rows, TestServer.json(synced).get("created").asInt());
        JsonNode timeline = TestServer.json(api.get("/api/v1/cameras/a/timeline?from=2026-11-28T00:00:00Z"
                + "&to=2026-11-29T00:00:00Z"));
        assertEquals(0, timeline.get("gaps").size(), "the whole day is covered: " + timeline.get("gaps"));

        String padded = "{" + " ".repeat(1_100_000) + clip("b", "2026-11-29T14:00:00Z", "2026-11-29T14:01:00Z")
                .substring(1);
        assertProblem(api.post("/api/v1/clips", "application/json", padded), 413, "server.maxJsonBodyBytes");
    }

    @Test
    void listsPageInTimeOrder() throws Exception {
        StringBuilder batch = new StringBuilder();
        for (int m = 0; m < 25; m++) {
            String start = String.format("2026-11-29T14:%02d:00Z", m);
            String end = String.format("2026-11-29T14:%02d:00Z", m + 1);
            batch.append(clip("a", start, end)).append('\n');
        }
        assertEquals(200, api.post("/api/v1/clips", "application/x-ndjson", batch.toString()).statusCode());
        List<String> starts = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = TestServer.json(api.get("/api/v1/clips?camera=a&from=2026-11-29T14:00:00Z"
                    + "&to=2026-11-29T15:00:00Z&limit=10" + cursor));
            page.get("items").forEach(c -> starts.add(c.get("start").asText()));
            cursor = page.has("nextCursor") ? "&cursor=" + page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals(25, starts.size());
        assertEquals(starts.stream().sorted().toList(), starts);
    }

    @Test
    void timelineMergesSegmentsAndReportsGaps() throws Exception {
        String batch = clip("a", "2026-11-29T14:00:00Z", "2026-11-29T14:01:00Z") + "\n"
                + clip("a", "2026-11-29T14:01:00.500Z", "2026-11-29T14:02:00Z") + "\n" // half a second apart: continuous
                + clip("a", "2026-11-29T14:10:00Z", "2026-11-29T14:20:00Z") + "\n";
        assertEquals(200, api.post("/api/v1/clips", "application/x-ndjson", batch).statusCode());
        JsonNode timeline = TestServer.json(api.get("/api/v1/cameras/a/timeline?from=2026-11-29T13:59:00Z"
                + "&to=2026-11-29T14:15:00Z"));
        assertFits(api, "Timeline", timeline);
        assertEquals(2, timeline.get("covered").size(), timeline.toString());
        assertEquals(2, timeline.get("covered").get(0).get("clips").asInt());
        assertEquals("2026-11-29T14:15:00Z", timeline.get("covered").get(1).get("to").asText(), "clipped to the window");
        assertEquals(2, timeline.get("gaps").size(), "before the first clip, and between the runs");
        assertEquals("2026-11-29T14:02:00Z", timeline.get("gaps").get(1).get("from").asText());
        assertEquals("2026-11-29T14:10:00Z", timeline.get("gaps").get(1).get("to").asText());
        assertTrue(!timeline.get("gaps").get(1).has("cause"), "no health history: cause unknown");
        assertEquals(7 * 60, timeline.get("coveredSeconds").asLong());
    }

    @Test
    void coverageBySiteCircleAndPolygon() throws Exception {
        String batch = clip("a", "2026-11-29T14:00:00Z", "2026-11-29T15:00:00Z") + "\n"
                + clip("c", "2026-11-29T14:00:00Z", "2026-11-29T15:00:00Z") + "\n"
                + clip("b", "2026-11-29T16:00:00Z", "2026-11-29T17:00:00Z") + "\n";
        assertEquals(200, api.post("/api/v1/clips", "application/x-ndjson", batch).statusCode());
        String window = "from=2026-11-29T14:30:00Z&to=2026-11-29T15:00:00Z";
        JsonNode bySite = TestServer.json(api.get("/api/v1/coverage?" + window + "&site=S1"));
        assertFits(api, "Coverage", bySite);
        assertEquals(2, bySite.get("camerasInScope").asInt());
        assertEquals(1, bySite.get("camerasWithFootage").asInt());
        assertEquals("a", bySite.get("cameras").get(0).get("id").asText());
        JsonNode all = TestServer.json(api.get("/api/v1/coverage?" + window + "&site=C"));
        assertEquals(2, all.get("camerasWithFootage").asInt());
        JsonNode circle = TestServer.json(api.get("/api/v1/coverage?" + window + "&lat=29.87&lon=121.55&radiusMeters=500"));
        assertEquals(2, circle.get("camerasInScope").asInt(), "a and b, not c 1.1 km away");
        assertEquals(1, circle.get("camerasWithFootage").asInt());
        JsonNode polygon = TestServer.json(api.get("/api/v1/coverage?" + window
                + "&polygon=29.875,121.54,29.885,121.54,29.885,121.56,29.875,121.56"));
        assertEquals(1, polygon.get("camerasInScope").asInt());
        assertEquals("c", polygon.get("cameras").get(0).get("id").asText());
    }

    @Test
    void badInputIsNamed() throws Exception {
        assertProblem(api.get("/api/v1/clips?camera=a&from=2026-11-29T15:00:00Z&to=2026-11-29T14:00:00Z"), 400,
                "must be after from");
        assertProblem(api.get("/api/v1/clips?camera=a&from=2026-01-01T00:00:00Z&to=2026-11-29T14:00:00Z"), 400,
                "at most 744 h");
        assertProblem(api.get("/api/v1/clips?camera=a&from=yesterday&to=2026-11-29T14:00:00Z"), 400, "ISO-8601");
        assertProblem(api.get("/api/v1/clips?from=2026-11-29T13:00:00Z&to=2026-11-29T14:00:00Z"), 400, "camera");
        assertProblem(api.get("/api/v1/clips?camera=nobody&from=2026-11-29T13:00:00Z&to=2026-11-29T14:00:00Z"), 404,
                "nobody");
        assertProblem(api.get("/api/v1/clips?camera=a&from=2026-11-29T13:00:00Z&to=2026-11-29T14:00:00Z&cursor=x"), 400,
                "cursor");
        assertProblem(api.get("/api/v1/clips/0"), 404, "positive");
        assertProblem(api.get("/api/v1/clips/123456"), 404, "no clip 123456");
        assertProblem(api.get("/api/v1/cameras/nobody/timeline?from=2026-11-29T13:00:00Z&to=2026-11-29T14:00:00Z"), 404,
                "nobody");
        String window = "from=2026-11-29T13:00:00Z&to=2026-11-29T14:00:00Z";
        assertProblem(api.get("/api/v1/coverage?" + window), 400, "exactly one of");
        assertProblem(api.get("/api/v1/coverage?" + window + "&site=S1&lat=1"), 400, "exactly one of");
        assertProblem(api.get("/api/v1/coverage?" + window + "&site=nowhere"), 404, "nowhere");
        assertProblem(api.get("/api/v1/coverage?" + window + "&lat=91&lon=0&radiusMeters=5"), 400, "lat must be");
        assertProblem(api.get("/api/v1/coverage?" + window + "&lat=1&lon=1&radiusMeters=0"), 400, "radius");
        assertProblem(api.get("/api/v1/coverage?" + window + "&polygon=1,1,2,2"), 400, "3 to 1000 vertices");
        assertProblem(api.get("/api/v1/coverage?" + window + "&polygon=1,1,2,2,3"), 400, "pairs");
        assertProblem(api.get("/api/v1/coverage?" + window + "&polygon=1,1,2,x,3,3"), 400, "not a number");
        assertProblem(api.post("/api/v1/clips", "application/json", "{\"cameraId\":\"a\",\"start\":\"2026-11-29T14:00:00Z\","
                + "\"end\":\"2026-11-29T14:01:00Z\",\"mediaUrl\":\"file:///etc/passwd\"}"), 400, "http(s) URL");
        assertProblem(api.post("/api/v1/clips", "application/json", "{\"cameraId\":\"a\",\"start\":\"2026-11-29T14:00:00Z\","
                + "\"end\":\"2026-11-30T15:00:00Z\",\"mediaUrl\":\"http://x/y\"}"), 400, "at most 24 h");
        assertProblem(api.post("/api/v1/clips", "application/json", "{\"cameraId\":\"a\",\"start\":\"2026-11-29T14:00:00Z\","
                + "\"end\":\"2026-11-29T14:01:00Z\",\"mediaUrl\":\"http://x/y\",\"sha256\":\"abc\",\"width\":-1}"), 400,
                "sha256");
        assertProblem(api.post("/api/v1/clips", "application/json", "{\"cameraId\":\"a\",\"colour\":\"red\"}"), 400,
                "colour");
        assertProblem(api.post("/api/v1/clips", "text/csv", "a,b"), 415, "Content-Type");
    }
}
