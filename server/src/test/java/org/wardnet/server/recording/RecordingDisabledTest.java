package org.wardnet.server.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.run.SimulatedDistrict;

/** With recording.enabled false, plans are stored and answered, and a camera that could record does not. */
class RecordingDisabledTest extends ApiTestBase {

    @Override
    protected WardnetConfig configure(WardnetConfig config) {
        return config.with(WardnetKeys.RECORDING_ENABLED, false).with(WardnetKeys.RECORDING_SEGMENT_SECONDS, 2)
                .with(WardnetKeys.HEALTH_ENABLED, false);
    }

    @Test
    void aPlanIsKeptButNothingRecords() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        List<SimulatedCamera> cameras = List.of(
                SimulatedCamera.of("off1", "rtsp://127.1.246.1:554/live", null, "admin", "pw1", 18564));
        try (SimulatedDistrict district = SimulatedDistrict.start(group, H264Clip.shipped(), cameras)) {
            assertEquals(201, api.post("/api/v1/cameras", "application/json", "{\"id\":\"off1\",\"siteId\":\"R1\","
                    + "\"name\":\"Off\",\"location\":{\"lat\":29.87,\"lon\":121.55},\"rtsp\":{\"url\":"
                    + "\"rtsp://127.1.246.1:18564/live\",\"username\":\"admin\",\"password\":\"pw1\"}}").statusCode());
            HttpResponseCheck.ok(api.putJson("/api/v1/recording/plans/off1", "{\"mode\":\"CONTINUOUS\"}"));
            assertEquals(1, TestServer.json(api.get("/api/v1/recording/plans")).get("items").size());
            // a recorder would have connected and closed a 2 s segment by now
            Thread.sleep(5_000);
            JsonNode status = TestServer.json(api.get("/api/v1/recording/status"));
            assertEquals(0, status.get("recording").asInt(), status.toString());
            assertEquals(0, status.get("cameras").size(), status.toString());
        } finally {
            group.shutdownGracefully();
        }
    }
}
