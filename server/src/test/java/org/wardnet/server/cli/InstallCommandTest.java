package org.wardnet.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wardnet.config.WardnetKeys;
import org.wardnet.server.ApiTestBase;
import org.wardnet.server.TestServer;
import org.wardnet.simulator.onvif.DiscoveryResponder;
import org.wardnet.simulator.camera.OnvifPersona;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.run.SimulatedDistrict;

/** {@code wardnet install} against a real server and simulated cameras: progress, summary, exit status. */
class InstallCommandTest extends ApiTestBase {

    private static final String NET = "127.1.247.";

    @Override
    protected org.wardnet.config.WardnetConfig configure(org.wardnet.config.WardnetConfig config) {
        return config.with(WardnetKeys.HEALTH_ENABLED, false).with(WardnetKeys.ONVIF_REPLY_TIMEOUT_MILLIS, 1_000);
    }

    @Test
    void installsARangeAndReportsTheCameraThatFailed() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        List<SimulatedCamera> cameras = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SimulatedCamera camera = SimulatedCamera.of("cli" + i, "rtsp://" + NET + (i + 1) + ":554/main", null, "admin",
                    "van-pw", 18561);
            camera.persona(OnvifPersona.of("cli" + i, "Hikvision", "X", ""));
            cameras.add(camera);
        }
        cameras.get(2).fault(CameraFault.WRONG_CREDENTIALS);
        try (SimulatedDistrict district = SimulatedDistrict.start(group, H264Clip.shipped(), cameras);
                DiscoveryResponder responder = DiscoveryResponder.start(DiscoveryResponder.byHost(cameras),
                        c -> true, 13705, null)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(new String[] {"install", "--server", api.base, "--range", NET + "1-" + NET + "3",
                "--discovery-port", "13705", "--site", "R1", "--user", "admin", "--lat", "29.8", "--lon", "121.5"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of("WARDNET_INSTALL_PASSWORD", "van-pw", "WARDNET_TOKEN", api.adminToken()));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(3, status, printed + err);
            assertTrue(printed.contains("3 devices, 0 already registered, 3 new"), printed);
            assertTrue(printed.contains("registered to R1: 3 created"), printed);
            assertTrue(printed.contains("verified 3/3 (100.0 %), 1 failed"), printed);
            assertTrue(printed.contains("summary: 2 passed, 1 failed"), printed);
            assertTrue(printed.contains("failed at AUTHENTICATED: 1"), printed);
            assertEquals(3, TestServer.json(api.get("/api/v1/cameras?site=R1")).get("items").size());

            ByteArrayOutputStream again = new ByteArrayOutputStream();
            assertEquals(0, Main.run(new String[] {"install", "--server", api.base, "--range", NET + "1-" + NET + "3",
                "--discovery-port", "13705", "--site", "R1", "--user", "admin"}, new PrintStream(again, true,
                    StandardCharsets.UTF_8), System.err, Map.of("WARDNET_TOKEN", api.adminToken())));
            assertTrue(again.toString(StandardCharsets.UTF_8).contains("nothing new to register"));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Main.run(new String[] {"install", "--site", "R1"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("one of --range or --multicast"));
        assertEquals(1, Main.run(new String[] {"install", "--server", "http://127.0.0.1:1", "--range", "127.0.0.1",
            "--site", "R1", "--user", "u"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("WARDNET_TOKEN", "wn_" + "x".repeat(43))));
        ByteArrayOutputStream noToken = new ByteArrayOutputStream();
        assertEquals(2, Main.run(new String[] {"install", "--server", "http://127.0.0.1:1", "--range", "127.0.0.1",
            "--site", "R1", "--user", "u"}, System.out, new PrintStream(noToken, true, StandardCharsets.UTF_8),
                Map.of()));
        assertTrue(noToken.toString(StandardCharsets.UTF_8).contains("set WARDNET_TOKEN"), noToken.toString());
    }
}
