package org.wardnet.server.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;
import org.wardnet.simulator.camera.OnvifPersona;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.run.SimulatedDistrict;

/**
 * A camera registered with only its ONVIF endpoint has no stream to probe; once verified, the
 * stream URIs it reported are its RTSP URLs and the health monitor probes them.
 */
class VerifiedStreamsAreProbedTest extends ApiTestBase {

    @Override
    protected WardnetConfig configure(WardnetConfig config) {
        return config.with(WardnetKeys.HEALTH_INTERVAL_SECONDS, 5);
    }

    @Test
    void healthProbesTheStreamsVerificationFound() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        SimulatedCamera camera = SimulatedCamera.of("onvif-only", "rtsp://127.1.246.1:554/live/0", null, "admin", "pw",
                18562);
        camera.persona(OnvifPersona.of("onvif-only", "Axis", "Q6045-E", ""));
        try (SimulatedDistrict district = SimulatedDistrict.start(group, H264Clip.shipped(), List.of(camera))) {
            assertEquals(201, api.post("/api/v1/cameras", "application/json", "{\"id\":\"onvif-only\",\"siteId\":\"R1\","
                    + "\"name\":\"Gate\",\"location\":{\"lat\":29.8,\"lon\":121.5},\"onvif\":{\"url\":"
                    + "\"http://127.1.246.1:18562/onvif/device_service\",\"username\":\"admin\",\"password\":\"pw\"}}")
                    .statusCode());
            JsonNode before = awaitHealth(null);
            assertEquals("NOT_FOUND", before.get("lastError").get("class").asText(), before.toString());

            assertEquals(200, api.post("/api/v1/cameras/onvif-only/verify", "application/json", "").statusCode());
            JsonNode after = awaitHealth("ONLINE");
            assertEquals("stream not found", after.get("history").get(1).get("reason").asText(), after.toString());
            assertEquals("rtsp://127.1.246.1:18562/live/0",
                    TestServer.json(api.get("/api/v1/cameras/onvif-only")).get("rtsp").get("url").asText());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Polls the camera's health until it has been probed (and, when given, is in that state); bounded. */
    private JsonNode awaitHealth(String state) throws Exception {
        JsonNode health = null;
        for (int i = 0; i < 300; i++) {
            health = TestServer.json(api.get("/api/v1/cameras/onvif-only/health"));
            boolean probed = health.has("lastProbe") && !health.get("lastProbe").isNull();
            if (probed && (state == null || state.equals(health.get("state").asText()))) {
                return health;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such probe within 30 s: " + health);
    }
}
