package org.wardnet.server.clips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.server.OpenApiAssertions.assertFits;
import static org.wardnet.server.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;

/**
 * Recordings on disk indexed by a directory import, then served by HTTP range: every range case
 * against the file's own bytes, and Debian's ffprobe reading the served clip over HTTP.
 */
class MediaApiTest extends ApiTestBase {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Path recordings;
    private Path first;

    /** MP4s remuxed by Debian's ffmpeg from the simulator's H.264 clip (2 s, 640x360). */
    private static void mp4(Path h264, Path out, String... extra) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-loglevel", "error", "-y", "-f", "h264",
                "-framerate", "25", "-i", h264.toString(), "-c", "copy"));
        command.addAll(Arrays.asList(extra));
        command.add(out.toString());
        Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ffmpeg.waitFor(30, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0, "ffmpeg failed: " + output);
    }

    @BeforeEach
    void recordingsOnDisk() throws Exception {
        assertEquals(201, api.post("/api/v1/cameras", "application/json", "{\"id\":\"a\",\"siteId\":\"R1\",\"name\":\"A\","
                + "\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:1/a\"}}").statusCode());
        Path h264 = dir.resolve("clip.h264");
        try (InputStream in = MediaApiTest.class.getResourceAsStream("/clip/testsrc-640x360-25fps.h264")) {
            Files.copy(in, h264);
        }
        recordings = Files.createDirectories(dir.resolve("recordings"));
        first = recordings.resolve("20261129T140000Z.mp4");
        mp4(h264, first, "-movflags", "+faststart");
        mp4(h264, recordings.resolve("a_2026-11-29_14-00-02.mp4"), "-movflags", "+frag_keyframe+empty_moov");
        mp4(h264, recordings.resolve("no-time-in-name.mp4"));
        Files.write(recordings.resolve("20261129T150000Z.mp4"), "not a video at all".getBytes(StandardCharsets.UTF_8));
        Files.write(recordings.resolve("notes.txt"), "ignored: not a recording".getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode importRecordings() throws Exception {
        HttpResponse<String> imported = api.post("/api/v1/clips/import", "application/json",
                "{\"directory\":\"" + recordings + "\",\"cameraId\":\"a\"}");
        assertEquals(200, imported.statusCode(), imported.body());
        return TestServer.json(imported);
    }

    private HttpResponse<byte[]> media(long id, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base + "/api/v1/clips/" + id + "/media"))
                .header("Authorization", "Bearer " + api.adminToken());
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void importIndexesWhatItCanReadAndSaysWhyNotTheRest() throws Exception {
        JsonNode outcome = importRecordings();
        assertFits(api, "DirectoryImport", outcome);
        assertEquals(4, outcome.get("files").asInt(), outcome.toString());
        assertEquals(2, outcome.get("indexed").asInt());
        assertEquals(2, outcome.get("skipped").size());
        String reasons = outcome.get("skipped").toString();
        assertTrue(reasons.contains("no start time"), reasons);
        assertTrue(reasons.contains("FFmpeg cannot read"), reasons);
        assertEquals(2, importRecordings().get("alreadyIndexed").asInt(), "a second run indexes nothing twice");

        JsonNode clips = TestServer.json(api.get("/api/v1/clips?camera=a&from=2026-11-29T13:00:00Z&to=2026-11-29T15:00:00Z"));
        assertEquals(2, clips.get("items").size());
        JsonNode clip = clips.get("items").get(0);
        assertEquals("IMPORTED", clip.get("origin").asText());
        assertEquals("2026-11-29T14:00:00Z", clip.get("start").asText());
        assertEquals(2.0, clip.get("durationSeconds").asDouble(), 0.05);
        assertEquals("H264", clip.get("codec").asText());
        assertEquals(640, clip.get("width").asInt());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(first))),
                clip.get("sha256").asText());
        assertEquals("/api/v1/clips/" + clip.get("id").asLong() + "/media", clip.get("mediaUrl").asText());
        assertEquals("2026-11-29T14:00:02Z", clips.get("items").get(1).get("start").asText(), "fragmented MP4 too");
    }

    @Test
    void rangesAreServedExactly() throws Exception {
        importRecordings();
        long id = TestServer.json(api.get("/api/v1/clips?camera=a&from=2026-11-29T13:00:00Z&to=2026-11-29T14:00:01Z"))
                .get("items").get(0).get("id").asLong();
        byte[] file = Files.readAllBytes(first);
        int size = file.length;

        HttpResponse<byte[]> whole = media(id, null);
        org.wardnet.server.http.SecurityHeadersCheck.assertPresent(whole.headers(), "a file sent from disk");
        assertEquals(200, whole.statusCode());
        assertArrayEquals(file, whole.body());
        assertEquals("bytes", whole.headers().firstValue("accept-ranges").orElse(""));
        assertEquals("video/mp4", whole.headers().firstValue("content-type").orElse(""));

        assertRange(media(id, "bytes=0-99"), file, 0, 99);
        assertRange(media(id, "bytes=-100"), file, size - 100, size - 1);
        assertRange(media(id, "bytes=100-"), file, 100, size - 1);
        assertRange(media(id, "bytes=0-99, 50-149"), file, 0, 149); // overlapping ranges merge
        assertRange(media(id, "bytes=10-19,20-29"), file, 10, 29); // adjacent ones too
        assertRange(media(id, "bytes=0-99999999"), file, 0, size - 1); // an end past the file is clamped
        assertArrayEquals(file, media(id, "bytes=0-9,100-109").body(), "disjoint ranges: the whole file (200)");
        assertEquals(200, media(id, "items=0-9").statusCode(), "an unknown unit is ignored");

        for (String bad : new String[] {"bytes=" + size + "-", "bytes=abc", "bytes=5-2", "bytes=-0", "bytes",
            "bytes=1-2,3-4,5-6,7-8,9-10,11-12,13-14,15-16,17-18,19-20,21-22,23-24,25-26,27-28,29-30,31-32,33-34"}) {
            HttpResponse<byte[]> refused = media(id, bad);
            assertEquals(416, refused.statusCode(), bad);
            assertEquals("bytes */" + size, refused.headers().firstValue("content-range").orElse(""), bad);
            assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("\"size\":" + size), bad);
        }
    }

    private static void assertRange(HttpResponse<byte[]> response, byte[] file, int from, int to) {
        assertEquals(206, response.statusCode());
        assertEquals("bytes " + from + "-" + to + "/" + file.length,
                response.headers().firstValue("content-range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(file, from, to + 1), response.body());
    }

    @Test
    void aMediaLinkOpensOneClipWithoutATokenForAWhile() throws Exception {
        importRecordings();
        long id = TestServer.json(api.get("/api/v1/clips?camera=a&from=2026-11-29T13:00:00Z&to=2026-11-29T14:00:01Z"))
                .get("items").get(0).get("id").asLong();
        HttpResponse<String> made = api.post("/api/v1/clips/" + id + "/media-link", "application/json", "");
        assertEquals(200, made.statusCode(), made.body());
        assertFits(api, "MediaLink", TestServer.json(made));
        String url = TestServer.json(made).get("url").asText();
        assertTrue(url.startsWith("/api/v1/media/"), url);

        HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(URI.create(api.base + url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, whole.statusCode(), "no token needed");
        assertArrayEquals(Files.readAllBytes(first), whole.body());
        HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(URI.create(api.base + url))
                .header("Range", "bytes=10-19").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode(), "a video element's ranges work through the link");
        assertEquals(10, part.body().length);

        String forged = url.substring(0, url.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAA";
        String otherClip = url.replaceFirst("/media/" + id + "\\.", "/media/" + (id + 1) + ".");
        for (String wrong : List.of(forged, otherClip, "/api/v1/media/nonsense", "/api/v1/media/1.2.3")) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(api.base + wrong)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, refused.statusCode(), wrong);
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }

        String outsider = api.userWith("investigator-s2", "investigator@S2");
        HttpResponse<String> notTheirs = api.sendAnonymous(HttpRequest.newBuilder(api.uri("/api/v1/clips/" + id
                + "/media-link")).header("Authorization", "Bearer " + outsider)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(404, notTheirs.statusCode(), "no link to a clip outside the caller's scope");
    }

    @Test
    void ffprobeReadsTheServedClip() throws Exception {
        importRecordings();
        JsonNode items = TestServer.json(api.get("/api/v1/clips?camera=a&from=2026-11-29T13:00:00Z&to=2026-11-29T15:00:00Z"))
                .get("items");
        for (JsonNode clip : items) {
            Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-headers", "Authorization: Bearer "
                    + api.adminToken() + "\r\n", "-show_entries",
                    "format=format_name,duration:stream=codec_name,width,height", "-of", "default=nw=1",
                    api.base + clip.get("mediaUrl").asText()).redirectErrorStream(true).start();
            String out = new String(ffprobe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(ffprobe.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, ffprobe.exitValue(), out);
            assertTrue(out.contains("codec_name=h264") && out.contains("width=640") && out.contains("height=360"), out);
            assertTrue(out.contains("format_name=mov,mp4"), out);
        }
    }

    @Test
    void theCommandLineImportSaysWhatItSkipped() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int status = org.wardnet.server.cli.CliAccess.run(new String[] {"import-clips", "--server", api.base,
            "--directory", recordings.toString(), "--camera", "a"}, new java.io.PrintStream(out, true,
                StandardCharsets.UTF_8), java.util.Map.of("WARDNET_TOKEN", api.adminToken()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(3, status, printed);
        assertTrue(printed.startsWith("4 files: 2 indexed, 0 already indexed, 2 skipped"), printed);
        assertTrue(printed.contains("no-time-in-name.mp4: no start time"), printed);
    }

    @Test
    void remoteFootageRedirectsAndMissingFilesAreGone() throws Exception {
        HttpResponse<String> ingested = api.post("/api/v1/clips", "application/json", "{\"cameraId\":\"a\",\"start\":"
                + "\"2026-11-29T16:00:00Z\",\"end\":\"2026-11-29T16:10:00Z\",\"mediaUrl\":\"http://10.0.0.5/rec/1.mp4\"}");
        long remote = TestServer.json(ingested).get("id").asLong();
        HttpResponse<byte[]> redirect = media(remote, null);
        assertEquals(307, redirect.statusCode());
        assertEquals("http://10.0.0.5/rec/1.mp4", redirect.headers().firstValue("location").orElse(""));

        importRecordings();
        long local = TestServer.json(api.get("/api/v1/clips?camera=a&from=2026-11-29T13:00:00Z&to=2026-11-29T14:00:01Z"))
                .get("items").get(0).get("id").asLong();
        Files.delete(first);
        assertEquals(410, media(local, null).statusCode());
        assertProblem(api.get("/api/v1/clips/999999/media"), 404, "no clip");
        assertProblem(api.post("/api/v1/clips/import", "application/json", "{\"directory\":\"/nonexistent/dir\"}"), 400,
                "not a directory");
        assertProblem(api.post("/api/v1/clips/import", "application/json", "{\"directory\":\"" + recordings
                + "\",\"cameraId\":\"nobody\"}"), 400, "nobody");
    }

    @Test
    void importsReadOnlyUnderTheirRootsWhateverThePathSays() throws Exception {
        Path outside = Files.createTempDirectory("wardnet-outside-");
        try {
            Files.copy(first, outside.resolve("20261129T160000Z.mp4"));
            Path link = Files.createSymbolicLink(dir.resolve("link-out"), outside);
            for (String attack : List.of(outside.toString(), recordings + "/../../" + outside.getFileName(),
                    dir + "/../" + dir.getFileName() + "/../" + outside.getFileName(), link.toString(), "/etc",
                    recordings + "/..%2F..%2Fetc")) {
                HttpResponse<String> refused = api.post("/api/v1/clips/import", "application/json",
                        "{\"directory\":\"" + attack + "\",\"cameraId\":\"a\"}");
                assertEquals(400, refused.statusCode(), attack + ": " + refused.body());
            }
            assertEquals(0, TestServer.json(api.get("/api/v1/clips?camera=a&from=2026-11-29T15:00:00Z"
                    + "&to=2026-11-29T17:00:00Z")).get("items").size(), "nothing outside was indexed");
            HttpResponse<String> inside = api.post("/api/v1/clips/import", "application/json", "{\"directory\":\""
                    + recordings + "/../recordings\",\"cameraId\":\"a\"}");
            assertEquals(200, inside.statusCode(), "'..' that stays inside is fine: " + inside.body());
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(outside)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

}
