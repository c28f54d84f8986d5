package org.wardnet.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.OpenApiAssertions.assertFits;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.server.TestServer;
import org.wardnet.server.http.Router;

/** Keeps /api/v1/openapi.json true: same routes as the router, and real answers fit its schemas. */
class OpenApiContractTest {

    @TempDir
    Path dir;

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationExists() throws Exception {
        try (TestServer api = TestServer.start(dir)) {
            JsonNode doc = TestServer.json(api.get("/api/v1/openapi.json"));
            Set<String> documented = new TreeSet<>();
            doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (!method.equals("parameters")) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }));
            Set<String> routed = new TreeSet<>();
            for (Router.Route route : api.server.routes()) {
                routed.add(route.method().name() + " " + route.template());
            }
            assertEquals(routed, documented);
        }
    }

    @Test
    void realAnswersFitTheDocumentedSchemas() throws Exception {
        try (TestServer api = TestServer.start(dir)) {
            api.smallTree();
            api.postJson("/api/v1/cameras", TestServer.camera("c1", "R1"));
            JsonNode schemas = TestServer.json(api.get("/api/v1/openapi.json")).get("components").get("schemas");
            assertFits(schemas.get("Camera"), TestServer.json(api.get("/api/v1/cameras/c1")));
            assertFits(schemas.get("Site"), TestServer.json(api.get("/api/v1/sites/R1")));
            assertFits(schemas.get("CameraPage"), TestServer.json(api.get("/api/v1/cameras?limit=1")));
            assertFits(schemas.get("SitePage"), TestServer.json(api.get("/api/v1/sites?limit=1")));
            assertFits(schemas.get("Problem"), TestServer.json(api.get("/api/v1/cameras/none")));
            assertFits(schemas.get("ImportResult"), TestServer.json(api.post("/api/v1/cameras/import", "text/csv",
                    "id,siteId,name,lat,lon,rtspUrl\nc2,R1,n,1,1,rtsp://127.1.0.2/\n")));
            assertFits(schemas.get("HealthSummary"), TestServer.json(api.get("/api/v1/health/summary")));
            assertFits(schemas.get("CameraHealth"), TestServer.json(api.get("/api/v1/cameras/c1/health")));
            assertFits(schemas.get("Deleted"), TestServer.json(api.delete("/api/v1/sites/S2?cascade=true")));
        }
    }

    /**
     * A standard validator (@apidevtools/swagger-parser, installed by
     * server/src/test/peers/install-openapi-peer.sh) accepts the document as served, as code
     * generators and Swagger UI would read it.
     */
    @Test
    void aStandardValidatorAcceptsTheServedDocument() throws Exception {
        Path peer = Path.of("src/test/peers/openapi-node");
        assertTrue(Files.exists(peer.resolve("node_modules/@apidevtools/swagger-parser")),
                "run server/src/test/peers/install-openapi-peer.sh (./wardnet test does) to install the validator");
        Path served = dir.resolve("openapi.json");
        try (TestServer api = TestServer.start(dir.resolve("store"))) {
            Files.writeString(served, api.get("/api/v1/openapi.json").body());
        }
        Process node = new ProcessBuilder("node", "validate.js", served.toAbsolutePath().toString())
                .directory(peer.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "the validator did not finish");
        assertEquals(0, node.exitValue(), output);
        assertTrue(output.startsWith("valid: OpenAPI 3.0.3"), output);
    }
}
