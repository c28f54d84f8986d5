package org.wardnet.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.server.TestServer;
import org.wardnet.server.http.ApiResponse;
import org.wardnet.server.http.JsonCodec;

class OpsApiTest {

    @TempDir
    Path dir;

    @Test
    void healthReadinessAndMetricsOfARealServer() throws Exception {
        try (TestServer api = TestServer.start(dir)) {
            api.smallTree();
            api.postJson("/api/v1/cameras", TestServer.camera("c1", "R1"));
            api.get("/api/v1/cameras/c1");
            api.get("/api/v1/cameras/none");
            assertEquals("up", TestServer.json(api.get("/healthz")).get("status").asText());
            HttpResponse<String> ready = api.get("/readyz");
            assertEquals(200, ready.statusCode(), ready.body());
            JsonNode checks = TestServer.json(ready).get("checks");
            assertTrue(checks.get("store").get("ok").asBoolean());
            assertTrue(checks.get("eventLoops").get("ok").asBoolean());

            HttpResponse<String> metrics = api.get("/metrics");
            assertTrue(metrics.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
            String text = metrics.body();
            assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/cameras/{id}\","
                    + "status=\"200\"} 1"), text);
            assertTrue(text.contains("route=\"/api/v1/cameras/{id}\",status=\"404\""), "route labels are templates");
            assertTrue(text.contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/v1/cameras/{id}\","
                    + "status=\"200\",le=\"0.01\"}"), "latency histogram");
            assertTrue(text.contains("wardnet_cameras{tier=\"ROOM\"} 1.0"), text);
            assertTrue(text.contains("wardnet_sites{tier=\"SUBSTATION\"} 2.0"), text);
            assertTrue(text.contains("jvm_memory_used_bytes"), "JVM memory");
            assertTrue(text.contains("jvm_threads_live_threads"), "JVM threads");
            assertTrue(text.contains("wardnet_events_subscribers 0.0"), "no event stream open");
        }
    }

    @Test
    void readinessSays503AndWhyWhenTheStoreFails() throws Exception {
        ExecutorService checks = Executors.newFixedThreadPool(2);
        try (Metrics metrics = new Metrics()) {
            OpsResource ops = new OpsResource(timeout -> {
                throw new java.sql.SQLException("Connection is not available, request timed out after 2000ms");
            }, within -> List.of("event loop 1"), metrics, new JsonCodec(), checks);
            ApiResponse response = ops.readyz(null).get();
            assertEquals(503, response.status().code());
            JsonNode body = new JsonCodec().mapper().readTree(response.body());
            assertEquals("not ready", body.get("status").asText());
            assertTrue(body.get("checks").get("store").get("reason").asText().contains("request timed out"));
            assertEquals("not responsive: event loop 1", body.get("checks").get("eventLoops").get("reason").asText());
        } finally {
            checks.shutdownNow();
        }
    }
}
