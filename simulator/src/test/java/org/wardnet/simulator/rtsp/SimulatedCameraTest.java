package org.wardnet.simulator.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.adapters.rtsp.RtspProber;
import org.wardnet.core.health.ProbeDepth;
import org.wardnet.core.health.ProbeErrorClass;
import org.wardnet.core.health.ProbeOutcome;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.run.SimulatedDistrict;

/**
 * Simulated cameras read by real clients (Debian's ffprobe and ffmpeg, installed by the test
 * command's peer script) and by Wardnet's prober, healthy and under each fault.
 */
class SimulatedCameraTest {

    private static final int PORT = 18554;
    private static final String PATH = "/Streaming/Channels/101";
    private static EventLoopGroup group;
    private static SimulatedDistrict district;
    private static RtspProber prober;

    @BeforeAll
    static void start() throws Exception {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        List<SimulatedCamera> cameras = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            cameras.add(SimulatedCamera.of("cam" + i, "rtsp://127.1.250." + i + ":554" + PATH,
                    "rtsp://127.1.250." + i + ":554/Streaming/Channels/102", "admin", "pw" + i, PORT));
        }
        district = SimulatedDistrict.start(group, H264Clip.shipped(), cameras);
        prober = new RtspProber(group, new RtspProbeSettings(1_000, 1_000, 3_000, 8_192, 65_536, 3));
    }

    @AfterAll
    static void stop() {
        district.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static String url(int camera) {
        return "rtsp://127.1.250." + camera + ":" + PORT + PATH;
    }

    private static ProbeOutcome probe(int camera, String password, ProbeDepth depth) throws Exception {
        return prober.probe(url(camera), "admin", password, depth).get(20, TimeUnit.SECONDS);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output);
        return output;
    }

    @Test
    void ffprobeReadsTheStreamThroughDigestAuthentication() throws Exception {
        String out = run("ffprobe", "-v", "error", "-rtsp_transport", "tcp", "-show_entries",
                "stream=codec_name,width,height,profile", "-of", "csv=p=0",
                url(1).replace("rtsp://", "rtsp://admin:pw1@"));
        assertEquals("h264,Constrained Baseline,640,360", out.strip());
    }

    @Test
    void ffmpegDecodesSecondsOfItWithoutErrors() throws Exception {
        String out = run("ffmpeg", "-hide_banner", "-rtsp_transport", "tcp", "-i",
                url(2).replace("rtsp://", "rtsp://admin:pw2@"), "-t", "3", "-f", "null", "-");
        Matcher frames = Pattern.compile("frame=\\s*(\\d+)").matcher(out);
        int last = 0;
        while (frames.find()) {
            last = Integer.parseInt(frames.group(1));
        }
        assertTrue(last >= 60, "3 s at 25 fps decoded; got " + last + " frames:\n" + out);
        assertFalse(out.contains("error while decoding"), out);
    }

    @Test
    void wardnetsMediaCheckSeesTheFirstKeyFrame() throws Exception {
        ProbeOutcome outcome = probe(3, "pw3", ProbeDepth.MEDIA);
        assertTrue(outcome.ok(), outcome.message());
        assertEquals("H264", outcome.codec());
        assertEquals(640, outcome.width());
        assertEquals(360, outcome.height());
        assertNotNull(outcome.keyFrameMillis());
    }

    @Test
    void eachFaultIsSeenAsItsErrorClass() throws Exception {
        try {
            district.fault("cam4", CameraFault.WRONG_CREDENTIALS);
            assertEquals(ProbeErrorClass.AUTH_FAILED, probe(4, "pw4", ProbeDepth.OPTIONS).error());
            district.fault("cam4", CameraFault.REFUSING);
            ProbeOutcome refused = probe(4, "pw4", ProbeDepth.OPTIONS);
            assertEquals(ProbeErrorClass.REFUSED, refused.error(), refused.message());
            district.fault("cam4", CameraFault.DOWN);
            assertEquals(ProbeErrorClass.TIMEOUT, probe(4, "pw4", ProbeDepth.OPTIONS).error());
            district.fault("cam4", CameraFault.STALLED_MEDIA);
            assertTrue(probe(4, "pw4", ProbeDepth.DESCRIBE).ok(), "stalled media still describes itself");
            assertEquals(ProbeErrorClass.NO_MEDIA, probe(4, "pw4", ProbeDepth.MEDIA).error());
            district.fault("cam4", CameraFault.MALFORMED);
            assertEquals(ProbeErrorClass.MALFORMED, probe(4, "pw4", ProbeDepth.OPTIONS).error());
            district.camera("cam4").latencyMillis(300);
            district.fault("cam4", CameraFault.SLOW);
            ProbeOutcome slow = probe(4, "pw4", ProbeDepth.OPTIONS);
            assertTrue(slow.ok(), slow.message());
            district.fault("cam4", CameraFault.NONE);
            assertTrue(probe(4, "pw4", ProbeDepth.DESCRIBE).ok());
            assertEquals(ProbeErrorClass.NOT_FOUND, prober.probe("rtsp://127.1.250.4:" + PORT + "/nothing", "admin",
                    "pw4", ProbeDepth.DESCRIBE).get(20, TimeUnit.SECONDS).error());
        } finally {
            district.fault("cam4", CameraFault.NONE);
        }
    }
}
