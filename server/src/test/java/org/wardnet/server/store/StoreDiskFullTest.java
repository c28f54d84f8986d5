package org.wardnet.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.server.ChildServer;
import org.wardnet.server.SmallDisk;

/**
 * The embedded store's directory fills under a running server (a 160 MB tmpfs in the server's own
 * mount namespace, filled from outside through {@code /proc/PID/root}): writes answer 503 with
 * Retry-After and change nothing, {@code /readyz} is 503 naming the store, reads of what the server
 * holds in memory are still answered; once there is room again the server takes writes without a
 * restart, and what it had acknowledged before is still there.
 */
class StoreDiskFullTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void aFullDiskRefusesWritesAndTheStoreRecoversOnItsOwnOnceThereIsRoom() throws Exception {
        Path store = Files.createDirectories(data.resolve("store"));
        ChildServer server = ChildServer.start(SmallDisk.mountedAt(store, "160m"), List.of("--data", store.toString(), "--set", "health.enabled=false"));
        try {
            String base = server.base();
            ChildServer.json("POST", base + "/api/v1/sites", "{\"id\":\"C\",\"name\":\"C\",\"tier\":\"CENTER\"}");
            Path filler = SmallDisk.asSeenBy(server.process(), store).resolve("filler");
            SmallDisk.fillUntilFull(filler);

            HttpResponse<String> refused = postSite(base, "S0");
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("store-unavailable", type(refused));
            assertTrue(refused.headers().firstValue("retry-after").isPresent(), "says when to retry");
            HttpResponse<String> ready = ChildServer.request("GET", base + "/readyz", null, null);
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(JSON.readTree(ready.body()).at("/checks/store/reason").asText().contains("does not take a write"),
                    ready.body());
            assertEquals(200, ChildServer.request("GET", base + "/api/v1/sites/C", null, null).statusCode(),
                    "what the server holds is still read");

            Files.delete(filler);
            HttpResponse<String> taken = null;
            for (int i = 0; i < 300 && (taken == null || taken.statusCode() != 201); i++) { // bounded: 30 s
                Thread.sleep(100);
                taken = postSite(base, "T0");
            }
            assertEquals(201, taken.statusCode(), "writes are taken again without a restart: " + taken.body());
            assertEquals(200, ChildServer.request("GET", base + "/readyz", null, null).statusCode());
            JsonNode sites = ChildServer.json("GET", base + "/api/v1/sites?limit=100", null);
            List<String> ids = new java.util.ArrayList<>();
            sites.get("items").forEach(site -> ids.add(site.get("id").asText()));
            assertEquals(List.of("C", "T0"), ids.stream().sorted().toList(),
                    "the write acknowledged before is there, the refused one is not");
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> postSite(String base, String id) throws Exception {
        return ChildServer.request("POST", base + "/api/v1/sites", "application/json",
                "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"tier\":\"SUBSTATION\",\"parentId\":\"C\"}");
    }

    private static String type(HttpResponse<String> problem) throws IOException {
        String type = JSON.readTree(problem.body()).get("type").asText();
        return type.substring(type.lastIndexOf(':') + 1);
    }
}
