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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.server.ChildServer;
import org.wardnet.server.SmallDisk;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.run.SimulatedDistrict;

/**
 * A recording server whose recording directory is a 320 KB filesystem (a tmpfs mounted in a mount
 * namespace of the server's own, so nothing outside it changes; needs root, as CI runs): the disk
 * fills, recording pauses with an alarm, and every segment the index holds still plays.
 */
class RecordingDiskFullTest {

    @TempDir
    Path data;

    @Test
    void aFullDiskPausesRecordingWithAnAlarmAndTheIndexStaysPlayable() throws Exception {
        Path recordings = Files.createDirectories(data.resolve("small-disk"));
        ChildServer server = ChildServer.start(SmallDisk.mountedAt(recordings, "320k"), List.of("--data", data.resolve("store").toString(), "--set", "recording.directory=" + recordings,
                        "--set", "recording.segmentSeconds=2", "--set", "recording.minFreeBytes=65536",
                        "--set", "health.enabled=false"));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        SimulatedCamera camera = SimulatedCamera.of("full", "rtsp://127.1.242.1:554/live", null, "admin", "pw", 18566);
        try (SimulatedDistrict district = SimulatedDistrict.start(group, H264Clip.shipped(), List.of(camera))) {
            String base = server.base();
            ChildServer.json("POST", base + "/api/v1/sites", "{\"id\":\"C\",\"name\":\"C\",\"tier\":\"CENTER\"}");
            ChildServer.json("POST", base + "/api/v1/cameras", "{\"id\":\"full\",\"siteId\":\"C\",\"name\":\"Full\",\"location\":"
                    + "{\"lat\":1,\"lon\":2},\"rtsp\":{\"url\":\"rtsp://127.1.242.1:18566/live\",\"username\":\"admin\","
                    + "\"password\":\"pw\"}}");
            ChildServer.json("PUT", base + "/api/v1/recording/plans/full", "{\"mode\":\"CONTINUOUS\"}");
            JsonNode status = null;
            for (int i = 0; i < 600; i++) { // bounded: 320 KB fill in about 20 s of the simulated stream
                status = ChildServer.json("GET", base + "/api/v1/recording/status", null);
                if (status.has("alarm") && status.get("recording").asInt() == 0) {
                    break;
                }
                Thread.sleep(100);
            }
            assertTrue(status.has("alarm"), "an alarm once the disk is full: " + status);
            assertTrue(status.get("alarm").asText().startsWith("disk"), status.toString());
            assertEquals(0, status.get("recording").asInt(), "recording paused");

            String day = LocalDate.now(ZoneOffset.UTC).toString();
            JsonNode clips = ChildServer.json("GET", base + "/api/v1/clips?camera=full&from=" + day + "T00:00:00Z&to="
                    + LocalDate.now(ZoneOffset.UTC).plusDays(1) + "T00:00:00Z&limit=1000", null).get("items");
            assertTrue(clips.size() >= 2, "segments were recorded before the disk filled: " + clips);
            for (JsonNode clip : clips) {
                Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-headers",
                        ChildServer.authorizationHeader(base), "-show_entries", "format=duration",
                        "-of", "csv=p=0", base + clip.get("mediaUrl").asText()).redirectErrorStream(true).start();
                String probed = new String(ffprobe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertTrue(ffprobe.waitFor(30, TimeUnit.SECONDS));
                double seconds = Double.parseDouble(probed);
                assertTrue(Math.abs(seconds - clip.get("durationSeconds").asDouble()) < 0.3,
                        "every indexed clip plays for as long as the index says: " + clip + " vs " + probed);
            }
        } finally {
            server.stop();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
