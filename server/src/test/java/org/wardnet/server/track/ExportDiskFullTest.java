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
import org.wardnet.server.federation.Recordings;

/**
 * A case's evidence bundle and a cut of a camera's footage, asked for while the exports directory's
 * filesystem is full (a 256 KB tmpfs mounted in the server process's own mount namespace, filled
 * from outside through {@code /proc/PID/root}): 507 with a JSON problem and Retry-After, nothing
 * half-written left behind; once there is room again the same requests answer.
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

            // a camera's footage cut to a window: a real recording indexed from a folder, then cut
            ChildServer.json("POST", base + "/api/v1/sites", "{\"id\":\"C\",\"name\":\"C\",\"tier\":\"CENTER\"}");
            ChildServer.json("POST", base + "/api/v1/cameras", "{\"id\":\"cam1\",\"siteId\":\"C\",\"name\":\"Gate\","
                    + "\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/a\"}}");
            Path recordings = Files.createDirectories(store.resolve("recordings"));
            Recordings.mp4(recordings.resolve("20261129T140000Z.mp4"));
            ChildServer.json("POST", base + "/api/v1/clips/import", "{\"directory\":\"" + recordings
                    + "\",\"cameraId\":\"cam1\"}");
            String cut = base + "/api/v1/cameras/cam1/export?from=2026-11-29T14:00:00.500Z&to=2026-11-29T14:00:01.500Z";
            HttpResponse<String> cutOnFull = ChildServer.request("GET", cut, null, null);
            assertEquals(507, cutOnFull.statusCode(), cutOnFull.body());
            assertTrue(new ObjectMapper().readTree(cutOnFull.body()).get("type").asText().endsWith("disk-full"),
                    cutOnFull.body());
            assertEquals("60", cutOnFull.headers().firstValue("retry-after").orElse(""));
            assertEquals(List.of("filler"), names(seenFromHere), "no half-written cut is left");

            Files.delete(filler);
            HttpResponse<String> roomy = ChildServer.request("GET", base + "/api/v1/cases/" + id + "/export", null, null);
            assertEquals(200, roomy.statusCode(), roomy.body());
            assertEquals("application/zip", roomy.headers().firstValue("content-type").orElse(""));
            HttpResponse<String> cutWithRoom = ChildServer.request("GET", cut, null, null);
            assertEquals(200, cutWithRoom.statusCode(), cutWithRoom.body());
            assertEquals("video/mp4", cutWithRoom.headers().firstValue("content-type").orElse(""));
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
