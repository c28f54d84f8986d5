package org.wardnet.server.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.server.ChildServer;
import org.wardnet.server.SmallDisk;

/**
 * A case's evidence bundle asked for while the exports directory's filesystem is full (a 256 KB
 * tmpfs mounted in the server process's own mount namespace, filled from outside through
 * {@code /proc/PID/root}): 507 with a JSON problem and Retry-After, no half-written bundle left
 * behind; once there is room again the same request answers the bundle.
 */
class ExportDiskFullTest {

    @TempDir
    Path data;

    @Test
    void aFullDiskAnswers507AndTheExportWorksOnceThereIsRoom() throws Exception {
        Path store = data.resolve("store");
        Path exports = Files.createDirectories(store.resolve("exports"));
        ChildServer server = ChildServer.start(SmallDisk.mountedAt(exports, "256k"), List.of("--data", store.toString(), "--set", "health.enabled=false"));
        try {
            Path seenFromHere = SmallDisk.asSeenBy(server.process(), exports);
            Path filler = seenFromHere.resolve("filler");
            SmallDisk.fillUntilFull(filler);

            String base = server.base();
            String id = ChildServer.json("POST", base + "/api/v1/cases", "{\"title\":\"Disk full\"}").get("id").asText();
            HttpResponse<String> full = ChildServer.request("GET", base + "/api/v1/cases/" + id + "/export", null, null);
            assertEquals(507, full.statusCode(), full.body());
            assertTrue(full.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
            JsonNode problem = new ObjectMapper().readTree(full.body());
            assertTrue(problem.get("type").asText().endsWith("disk-full"), full.body());
            assertTrue(problem.get("detail").asText().contains(exports.toString()), "names the directory: " + full.body());
            assertEquals("60", full.headers().firstValue("retry-after").orElse(""), "says when to retry");
            assertEquals(List.of("filler"), names(seenFromHere), "no half-written bundle is left");

            Files.delete(filler);
            HttpResponse<String> roomy = ChildServer.request("GET", base + "/api/v1/cases/" + id + "/export", null, null);
            assertEquals(200, roomy.statusCode(), roomy.body());
            assertEquals("application/zip", roomy.headers().firstValue("content-type").orElse(""));
        } finally {
            server.stop();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
