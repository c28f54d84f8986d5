package org.wardnet.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.TestServer;
import org.wardnet.storage.stores.ScratchPostgres;

/**
 * A running server whose PostgreSQL stops underneath it (a server of this test's own, stopped as
 * an outage would: every backend ended at once) and comes back: readiness says why it is not
 * ready, a write is refused with 503, a JSON problem and Retry-After, and leaves nothing behind;
 * what was acknowledged before is there after, also across a restart of the server, and writes
 * work again once the store answers.
 */
class StoreOutageTest {

    @TempDir
    Path dir;

    private ScratchPostgres postgres;
    private UnaryOperator<WardnetConfig> onPostgres;

    @BeforeEach
    void startPostgres() throws Exception {
        postgres = ScratchPostgres.start();
        String url = postgres.newDatabase();
        onPostgres = config -> config.with(WardnetKeys.STORE_JDBC_URL, url)
                .with(WardnetKeys.STORE_USERNAME, ScratchPostgres.USER);
    }

    @AfterEach
    void stopPostgres() throws Exception {
        postgres.close();
    }

    /** The center BEFORE, or a substation under it. */
    private static String site(String id) {
        return id.equals("BEFORE") ? "{\"id\":\"BEFORE\",\"name\":\"Center\",\"tier\":\"CENTER\"}"
                : "{\"id\":\"" + id + "\",\"name\":\"Site " + id + "\",\"tier\":\"SUBSTATION\",\"parentId\":\"BEFORE\"}";
    }

    @Test
    void anOutageIsReportedRefusedCleanlyAndRecoveredFrom() throws Exception {
        try (TestServer api = TestServer.start(dir, onPostgres)) {
            assertEquals(201, api.postJson("/api/v1/sites", site("BEFORE")).statusCode());
            assertEquals(200, api.get("/readyz").statusCode());

            postgres.halt();

            HttpResponse<String> ready = api.get("/readyz");
            assertEquals(503, ready.statusCode());
            JsonNode store = TestServer.json(ready).path("checks").path("store");
            assertFalse(store.path("ok").asBoolean(true));
            assertFalse(store.path("reason").asText().isBlank(), "the reason is given: " + ready.body());

            HttpResponse<String> refused = api.postJson("/api/v1/sites", site("DURING"));
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "Retry-After: " + refused.headers());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").contains("json"));
            // an audited write is refused before it runs, since the trail (in the same store) cannot take it
            assertTrue(TestServer.json(refused).path("type").asText().matches(".*:(audit|store)-unavailable"),
                    refused.body());
            assertEquals(404, api.get("/api/v1/sites/DURING").statusCode(), "a refused write leaves nothing");
            assertEquals(200, api.get("/api/v1/sites/BEFORE").statusCode(), "what is known is still answered");

            postgres.resume();
            int status = 0;
            for (int attempt = 0; attempt < 120 && status != 200; attempt++) { // the pool reconnects by itself
                status = api.get("/readyz").statusCode();
                if (status != 200) {
                    Thread.sleep(500);
                }
            }
            assertEquals(200, status, "ready again once PostgreSQL answers");
            assertEquals(201, api.postJson("/api/v1/sites", site("AFTER")).statusCode());
        }
        try (TestServer restarted = TestServer.start(dir, onPostgres)) {
            assertEquals(200, restarted.get("/api/v1/sites/BEFORE").statusCode(), "acknowledged before the outage");
            assertEquals(200, restarted.get("/api/v1/sites/AFTER").statusCode(), "acknowledged after it");
            assertEquals(404, restarted.get("/api/v1/sites/DURING").statusCode(), "refused during it");
        }
    }
}
