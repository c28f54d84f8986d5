package org.wardnet.server.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.server.ChildServer;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.run.SimulatedDistrict;

/**
 * A recording server in its own JVM is killed with SIGKILL while a segment is open. Its closed
 * segments and their rows survive; a new server on the same directories repairs and indexes the
 * segment that was open, and every file on disk is then indexed and playable.
 */
class RecordingCrashTest {

    @TempDir
    Path data;

    private ChildServer serve() throws Exception {
        return ChildServer.start(List.of(), List.of("--data", data.toString(), "--set", "recording.segmentSeconds=2",
                "--set", "health.enabled=false", "--set", "recording.minFreeBytes=1048576"));
    }

    private JsonNode clips(ChildServer child) throws Exception {
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        return ChildServer.json("GET", child.base() + "/api/v1/clips?camera=crash&from=" + day + "T00:00:00Z&to="
                + LocalDate.now(ZoneOffset.UTC).plusDays(1) + "T00:00:00Z&limit=1000", null).get("items");
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> walk = Files.walk(data.resolve("recordings"))) {
            return walk.filter(p -> p.toString().endsWith(".mp4")).sorted().toList();
        }
    }

    @Test
    void killMinus9WhileRecordingLosesNoClosedSegmentAndRecoversTheOpenOne() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        SimulatedCamera camera = SimulatedCamera.of("crash", "rtsp://127.1.244.1:554/live", null, "admin", "pw", 18564);
        try (SimulatedDistrict district = SimulatedDistrict.start(group, H264Clip.shipped(), List.of(camera))) {
            ChildServer first = serve();
            int closedBeforeKill;
            try {
                ChildServer.json("POST", first.base() + "/api/v1/sites", "{\"id\":\"C\",\"name\":\"C\",\"tier\":\"CENTER\"}");
                ChildServer.json("POST", first.base() + "/api/v1/cameras", "{\"id\":\"crash\",\"siteId\":\"C\",\"name\":\"Crash\","
                        + "\"location\":{\"lat\":1,\"lon\":2},\"rtsp\":{\"url\":\"rtsp://127.1.244.1:18564/live\","
                        + "\"username\":\"admin\",\"password\":\"pw\"}}");
                ChildServer.json("PUT", first.base() + "/api/v1/recording/plans/crash", "{\"mode\":\"CONTINUOUS\"}");
                JsonNode before = null;
                for (int i = 0; i < 300; i++) { // bounded: until two segments are closed and indexed
                    before = clips(first);
                    if (before.size() >= 2) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertTrue(before.size() >= 2, "segments were recorded: " + before);
                Thread.sleep(1_500); // into the next segment, past its first key frame interval
                closedBeforeKill = clips(first).size();
            } finally {
                first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
                first.process().waitFor(30, TimeUnit.SECONDS);
            }
            int onDisk = files().size();
            assertTrue(onDisk > closedBeforeKill, "an open segment was left on disk: " + files());

            ChildServer second = serve();
            try {
                JsonNode status = ChildServer.json("GET", second.base() + "/api/v1/recording/status", null);
                assertTrue(status.get("recoveredAtStart").asInt() >= 1, status.toString());
                JsonNode after = clips(second);
                assertTrue(after.size() >= onDisk, "every file on disk is indexed: " + after.size() + " of " + onDisk);
                JsonNode resumed = after;
                for (int i = 0; i < 300 && resumed.size() <= after.size(); i++) {
                    Thread.sleep(100); // bounded: the restarted recorder closes its first segment
                    resumed = clips(second);
                }
                assertTrue(resumed.size() > after.size(), "recording resumed after the restart");
                JsonNode timeline = ChildServer.json("GET", second.base() + "/api/v1/cameras/crash/timeline?from="
                        + resumed.get(0).get("start").asText() + "&to=" + resumed.get(resumed.size() - 1).get("end").asText(),
                        null);
                boolean explained = false;
                for (JsonNode gap : timeline.get("gaps")) {
                    explained |= "recorder restart".equals(gap.path("cause").asText());
                }
                assertTrue(explained, "the gap while the process was dead says why: " + timeline);
                for (JsonNode clip : after) {
                    Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-headers",
                            ChildServer.authorizationHeader(second.base()), "-show_entries", "stream=codec_name",
                            "-of", "csv=p=0", second.base() + clip.get("mediaUrl").asText()).redirectErrorStream(true)
                            .start();
                    String probed = new String(ffprobe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(ffprobe.waitFor(30, TimeUnit.SECONDS));
                    assertEquals("h264", probed.strip(), clip.toString());
                }
            } finally {
                second.process().destroy();
                second.process().waitFor(60, TimeUnit.SECONDS);
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
