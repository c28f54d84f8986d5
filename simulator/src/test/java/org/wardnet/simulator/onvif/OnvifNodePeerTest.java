package org.wardnet.simulator.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.run.SimulatedDistrict;
import org.wardnet.simulator.camera.OnvifPersona;
import org.wardnet.simulator.camera.OnvifVariant;

/**
 * A real ONVIF client, the npm {@code onvif} package (installed by src/test/peers/install-node-peers.sh),
 * talks to the simulated cameras: it must connect with its own WS-Security tokens or HTTP Digest,
 * read the device information, list profiles and get stream URIs that point at the camera's own
 * RTSP server, for each vendor variant and for a camera whose clock is hours off.
 */
class OnvifNodePeerTest {

    private static final int PORT = 18560;
    private static final String NET = "127.1.248.";
    private static final Path PEER = Path.of("src/test/peers/onvif-node");

    @Test
    void npmOnvifClientReadsEveryVariant() throws Exception {
        assertTrue(Files.exists(PEER.resolve("node_modules/onvif")),
                "run simulator/src/test/peers/install-node-peers.sh (./wardnet test does) to install the npm onvif client");
        OnvifVariant[] variants = {OnvifVariant.STANDARD, OnvifVariant.MEDIA1_ONLY, OnvifVariant.HTTP_DIGEST,
                OnvifVariant.STANDARD};
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        List<SimulatedCamera> cameras = new ArrayList<>();
        for (int i = 0; i < variants.length; i++) {
            SimulatedCamera camera = SimulatedCamera.of("peer" + i, "rtsp://" + NET + (i + 1) + ":554/live/main",
                    "rtsp://" + NET + (i + 1) + ":554/live/sub", "admin", "peer-pw-" + i, PORT);
            camera.persona(OnvifPersona.of("peer" + i, "Vendor" + i, "Model" + i, "").withVariant(variants[i]));
            cameras.add(camera);
        }
        cameras.get(3).fault(CameraFault.CLOCK_SKEW);
        cameras.get(3).clockSkewSeconds(-2 * 3600);
        try (SimulatedDistrict district = SimulatedDistrict.start(group, H264Clip.shipped(), cameras)) {
            List<String> command = new ArrayList<>(List.of("node", "probe.js"));
            for (int i = 0; i < cameras.size(); i++) {
                command.add(NET + (i + 1) + ":" + PORT + ":admin:peer-pw-" + i);
            }
            Process node = new ProcessBuilder(command).directory(PEER.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
            assertEquals(0, node.exitValue(), output);
            Map<String, JsonNode> byHost = new HashMap<>();
            JsonNode summary = null;
            for (String line : output.split("\n")) {
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonNode json = new ObjectMapper().readTree(line);
                if (json.has("summary")) {
                    summary = json;
                } else {
                    byHost.put(json.get("host").asText(), json);
                }
            }
            assertEquals(4, summary.get("ok").asInt(), output);
            for (int i = 0; i < cameras.size(); i++) {
                JsonNode result = byHost.get(NET + (i + 1));
                assertEquals("Vendor" + i, result.get("manufacturer").asText(), output);
                assertEquals("SNpeer" + i, result.get("serialNumber").asText());
                assertEquals("rtsp://" + NET + (i + 1) + ":" + PORT + "/live/main", result.get("streamUri").asText());
                assertEquals(List.of("main", "sub1"), List.of(result.get("profiles").get(0).asText(),
                        result.get("profiles").get(1).asText()));
                assertEquals(640, result.get("width").asInt());
            }
            assertTrue(district.onvif().requests() >= 4 * 4, "every camera was asked several things");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

}
