package org.wardnet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server in its own JVM is killed with SIGKILL right after answering writes with 2xx; a new one
 * on the same data directory must hold every acknowledged write.
 */
class RestartDurabilityTest {

    @TempDir
    Path data;

    private ChildServer serve() throws Exception {
        return ChildServer.start(List.of(), TestServer.storeOptions(data)); // H2 in data, or the run's PostgreSQL
    }

    private static HttpResponse<String> send(String method, String url, String type, String body) throws Exception {
        return ChildServer.request(method, url, type, body);
    }

    @Test
    void killMinus9RightAfterAcknowledgedWritesLosesNothing() throws Exception {
        ChildServer first = serve();
        List<String> acknowledged = new ArrayList<>();
        try {
            String[] sites = {
                "{\"id\":\"C\",\"name\":\"Center\",\"tier\":\"CENTER\"}",
                "{\"id\":\"S1\",\"name\":\"Sub\",\"tier\":\"SUBSTATION\",\"parentId\":\"C\"}",
                "{\"id\":\"R1\",\"name\":\"Room\",\"tier\":\"ROOM\",\"parentId\":\"S1\",\"kind\":\"BANK\"}"};
            for (String site : sites) {
                assertEquals(201, send("POST", first.base() + "/api/v1/sites", "application/json", site).statusCode());
            }
            StringBuilder csv = new StringBuilder("id,siteId,name,lat,lon,rtspUrl\n");
            for (int i = 0; i < 2000; i++) {
                csv.append("imp-").append(i).append(",R1,Imported ").append(i).append(",29.8,121.5,rtsp://127.1.0.1/\n");
            }
            HttpResponse<String> imported = send("POST", first.base() + "/api/v1/cameras/import", "text/csv", csv.toString());
            assertEquals(200, imported.statusCode(), imported.body());
            for (int i = 0; i < 40; i++) {
                String id = "cam-" + i;
                HttpResponse<String> created = send("POST", first.base() + "/api/v1/cameras", "application/json",
                        TestServer.camera(id, "R1"));
                assertEquals(201, created.statusCode(), created.body());
                acknowledged.add(id);
            }
            assertEquals(200, send("PUT", first.base() + "/api/v1/sites/R1", "application/json",
                    "{\"name\":\"Room renamed\",\"tier\":\"ROOM\",\"parentId\":\"S1\",\"kind\":\"SCHOOL\"}").statusCode());
            assertEquals(204, send("DELETE", first.base() + "/api/v1/cameras/cam-0", null, null).statusCode());
            acknowledged.remove("cam-0");
        } finally {
            first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            first.process().waitFor(30, TimeUnit.SECONDS);
        }

        ChildServer second = serve();
        try {
            for (String id : acknowledged) {
                assertEquals(200, send("GET", second.base() + "/api/v1/cameras/" + id, null, null).statusCode(), id);
            }
            assertEquals(404, send("GET", second.base() + "/api/v1/cameras/cam-0", null, null).statusCode());
            JsonNode room = TestServer.json(send("GET", second.base() + "/api/v1/sites/R1", null, null));
            assertEquals("Room renamed", room.get("name").asText());
            assertEquals("SCHOOL", room.get("kind").asText());
            assertEquals(2039, room.get("counts").get("cameras").asInt());
            assertTrue(send("GET", second.base() + "/api/v1/cameras/imp-1999", null, null).statusCode() == 200);
        } finally {
            second.process().destroy();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
