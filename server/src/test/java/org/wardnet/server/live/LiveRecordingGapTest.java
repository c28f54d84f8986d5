package org.wardnet.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;
import org.wardnet.server.federation.LinkProxy;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.run.SimulatedDistrict;
import org.wardnet.simulator.rtsp.H264Clip;

/**
 * The recorder consumes the relay: a camera link cut for ten seconds (the test's proxy between the
 * server and the simulated camera) leaves a viewer connected, and the recording shows a gap of
 * that length in the camera's timeline, with footage on both sides of it.
 */
class LiveRecordingGapTest extends ApiTestBase {

    @Override
    protected WardnetConfig configure(WardnetConfig config) {
        return config.with(WardnetKeys.HEALTH_ENABLED, false).with(WardnetKeys.RECORDING_SEGMENT_SECONDS, 2)
                .with(WardnetKeys.RECORDING_STALL_SECONDS, 3).with(WardnetKeys.RECORDING_MIN_FREE_BYTES, 1L << 20)
                .with(org.wardnet.config.LiveKeys.LIVE_MEDIA_TIMEOUT_SECONDS, 2);
    }

    @Test
    void aCutCameraLinkIsAGapInTheRecordingAndTheViewerStays() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (SimulatedDistrict district = SimulatedDistrict.start(group, H264Clip.shipped(),
                List.of(SimulatedCamera.of("gap-cam", "rtsp://127.1.246.4:18574/live", null, "admin", "pw1", 18574)));
                LinkProxy link = LinkProxy.start(new InetSocketAddress("127.1.246.4", 18574))) {
            assertEquals(201, api.postJson("/api/v1/cameras", "{\"id\":\"gap-cam\",\"siteId\":\"R1\",\"name\":\"Gap\","
                    + "\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":\"rtsp://127.0.0.1:" + link.port()
                    + "/live\",\"username\":\"admin\",\"password\":\"pw1\"}}").statusCode());
            assertEquals(200, api.putJson("/api/v1/recording/plans/gap-cam", "{\"mode\":\"CONTINUOUS\"}").statusCode());
            RtspRelayTest.CountingClient viewer = RtspRelayTest.CountingClient.open(group, "rtsp://v:"
                    + api.adminToken() + "@127.0.0.1:" + api.server.live().rtspPort() + "/live/gap-cam");
            try {
                Instant begin = Instant.now();
                awaitClipsStartingAfter(begin.minusSeconds(60), 2);
                link.cut();
                Instant cut = Instant.now();
                Thread.sleep(10_000);
                link.restore();
                Instant restored = Instant.now();
                awaitClipsStartingAfter(restored, 2);
                assertTrue(!viewer.ended(), "the viewer stayed connected: " + viewer.endReason());
                assertEquals(1, district.camera("gap-cam").streamsPlaying(), "recorder and viewer: one camera stream");

                JsonNode timeline = TestServer.json(api.get("/api/v1/cameras/gap-cam/timeline?from="
                        + begin.minusSeconds(60) + "&to=" + Instant.now().plusSeconds(5)));
                JsonNode gap = null;
                for (JsonNode g : timeline.path("gaps")) {
                    Instant from = Instant.parse(g.path("from").asText());
                    Instant to = Instant.parse(g.path("to").asText());
                    if (from.isBefore(restored) && to.isAfter(cut)) {
                        gap = g;
                    }
                }
                assertTrue(gap != null, "a gap over the cut: " + timeline);
                long seconds = Duration.between(Instant.parse(gap.path("from").asText()),
                        Instant.parse(gap.path("to").asText())).toSeconds();
                assertTrue(seconds >= 7 && seconds <= 20, "the gap is the cut's ten seconds: " + seconds + " s in "
                        + timeline);
                assertTrue(timeline.path("covered").size() >= 2, "footage on both sides: " + timeline);
            } finally {
                viewer.close();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private void awaitClipsStartingAfter(Instant after, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode page = TestServer.json(api.get("/api/v1/clips?camera=gap-cam&from=" + after + "&to="
                    + Instant.now().plusSeconds(60)));
            long starting = 0;
            for (JsonNode clip : page.path("items")) {
                starting += Instant.parse(clip.path("start").asText()).isAfter(after) ? 1 : 0;
            }
            if (starting >= count) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + count + " clips starting after " + after);
    }
}
