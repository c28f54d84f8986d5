package org.wardnet.simulator.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardnet.adapters.discovery.WsDiscoveryClient;
import org.wardnet.adapters.install.CameraInspector;
import org.wardnet.adapters.onvif.HttpReply;
import org.wardnet.adapters.onvif.OnvifHttpClient;
import org.wardnet.adapters.onvif.OnvifSettings;
import org.wardnet.adapters.onvif.SafeXmlReader;
import org.wardnet.adapters.onvif.SoapEnvelope;
import org.wardnet.adapters.onvif.UsernameToken;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.adapters.rtsp.RtspProber;
import org.wardnet.core.install.CheckStatus;
import org.wardnet.core.install.DiscoveredDevice;
import org.wardnet.core.install.DiscoveryResult;
import org.wardnet.core.install.DiscoveryScope;
import org.wardnet.core.install.Inspection;
import org.wardnet.core.install.VerificationReport;
import org.wardnet.core.install.VerifyStep;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.camera.OnvifPersona;
import org.wardnet.simulator.camera.OnvifVariant;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.run.SimulatedDistrict;

/**
 * Wardnet's ONVIF client and inspector against the simulated cameras: every vendor variant, every
 * fault, token replay and staleness, and WS-Discovery by unicast range and by multicast on loopback.
 */
class SimulatedOnvifTest {

    private static final int PORT = 18558;
    private static final int DISCOVERY_PORT = 13702;
    private static final String NET = "127.1.253.";

    private static EventLoopGroup group;
    private static SimulatedDistrict district;
    private static DiscoveryResponder responder;
    private static CameraInspector inspector;
    private static OnvifHttpClient http;
    private static WsDiscoveryClient discovery;

    /** Camera index by name: the address is NET + (index + 1). */
    private static final List<String> NAMES = List.of("standard", "media1", "media2", "digest", "skewed", "wrongpw",
            "noprofiles", "html", "oversized", "down", "malformed", "refusing", "brokenmedia2");

    @BeforeAll
    static void start() throws Exception {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        List<SimulatedCamera> cameras = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            SimulatedCamera camera = SimulatedCamera.of(NAMES.get(i), "rtsp://" + NET + (i + 1) + ":554/Streaming/Channels/101",
                    "rtsp://" + NET + (i + 1) + ":554/Streaming/Channels/102", "admin", "pw-" + i, PORT);
            camera.persona(OnvifPersona.of(NAMES.get(i), "Hikvision", "DS-2CD2T47G2-L", "room-001"));
            cameras.add(camera);
        }
        cameras.get(1).persona(cameras.get(1).persona().withVariant(OnvifVariant.MEDIA1_ONLY));
        cameras.get(2).persona(cameras.get(2).persona().withVariant(OnvifVariant.MEDIA2_ONLY));
        cameras.get(3).persona(cameras.get(3).persona().withVariant(OnvifVariant.HTTP_DIGEST));
        cameras.get(4).fault(CameraFault.CLOCK_SKEW);
        cameras.get(4).clockSkewSeconds(3 * 3600);
        cameras.get(5).fault(CameraFault.WRONG_CREDENTIALS);
        cameras.get(6).fault(CameraFault.NO_PROFILES);
        cameras.get(7).fault(CameraFault.HTML_ERROR);
        cameras.get(8).fault(CameraFault.OVERSIZED);
        cameras.get(9).fault(CameraFault.DOWN);
        cameras.get(10).fault(CameraFault.MALFORMED);
        cameras.get(11).fault(CameraFault.REFUSING);
        cameras.get(12).fault(CameraFault.MEDIA2_BROKEN);
        district = SimulatedDistrict.start(group, H264Clip.shipped(), cameras);
        responder = DiscoveryResponder.start(DiscoveryResponder.byHost(cameras), c -> district.isListening(c.id()),
                DISCOVERY_PORT, "lo");
        http = new OnvifHttpClient(group, new OnvifSettings(1_000, 1_500, 1024 * 1024));
        SoapEnvelope soap = new SoapEnvelope(new SafeXmlReader(1024 * 1024));
        inspector = new CameraInspector(http, soap, new RtspProber(group, RtspProbeSettings.DEFAULTS),
                Duration.ofMinutes(5), Clock.systemUTC());
        discovery = new WsDiscoveryClient(group, new SafeXmlReader(64 * 1024));
    }

    @AfterAll
    static void stop() {
        responder.close();
        district.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static VerificationReport verify(String name) throws Exception {
        int index = NAMES.indexOf(name);
        Inspection inspection = inspector.inspect(name, "http://" + NET + (index + 1) + ":" + PORT + "/onvif/device_service",
                "admin", "pw-" + index).get(30, TimeUnit.SECONDS);
        return inspection.report();
    }

    private static CheckStatus status(VerificationReport report, VerifyStep step) {
        return report.checks().get(step.ordinal()).status();
    }

    private static String detail(VerificationReport report, VerifyStep step) {
        return report.checks().get(step.ordinal()).detail();
    }

    @Test
    void everyVariantPassesTheWholeChecklist() throws Exception {
        for (String name : List.of("standard", "media1", "media2", "digest")) {
            VerificationReport report = verify(name);
            assertTrue(report.passed(), name + ": " + report.checks());
            assertEquals("Hikvision", report.manufacturer());
            assertEquals("SN" + name, report.serialNumber());
            int host = NAMES.indexOf(name) + 1;
            assertEquals("rtsp://" + NET + host + ":" + PORT + "/Streaming/Channels/101", report.mainStreamUri());
            assertEquals("rtsp://" + NET + host + ":" + PORT + "/Streaming/Channels/102", report.subStreamUri());
            assertEquals("H264 640x360", detail(report, VerifyStep.MAIN_STREAM_DESCRIBE));
            assertEquals("H264 640x360", detail(report, VerifyStep.SUB_STREAM_DESCRIBE));
            assertTrue(report.snapshotBytes() > 1000, name);
            assertEquals(CheckStatus.PASS, status(report, VerifyStep.CLOCK));
        }
        assertEquals("WS_SECURITY", verify("standard").authentication());
        assertTrue(detail(verify("media2"), VerifyStep.MEDIA_SERVICE).contains("Media2 only"));
        assertTrue(detail(verify("media1"), VerifyStep.MEDIA_SERVICE).startsWith("Media at"));
        assertEquals("HTTP_DIGEST", verify("digest").authentication());
    }

    @Test
    void aBrokenMedia2FallsBackToMedia() throws Exception {
        VerificationReport report = verify("brokenmedia2");
        assertTrue(report.passed(), report.checks().toString());
        assertTrue(detail(report, VerifyStep.PROFILES).contains("main H264 640x360"), detail(report, VerifyStep.PROFILES));
        assertTrue(detail(report, VerifyStep.PROFILES).contains("Media2 failed: SOAP fault Receiver/Action"),
                detail(report, VerifyStep.PROFILES));
        assertEquals("rtsp://" + NET + "13:" + PORT + "/Streaming/Channels/101", report.mainStreamUri());
    }

    @Test
    void aClockHoursOffWarnsButTokensFollowIt() throws Exception {
        VerificationReport report = verify("skewed");
        assertEquals(CheckStatus.WARN, status(report, VerifyStep.CLOCK));
        assertTrue(detail(report, VerifyStep.CLOCK).contains("3 h 0 min ahead"), detail(report, VerifyStep.CLOCK));
        long offset = report.clockOffsetMillis();
        assertTrue(Math.abs(offset - 3 * 3600_000L) < 5_000, "offset " + offset);
        assertTrue(report.passed(), report.checks().toString());
    }

    @Test
    void eachFaultFailsItsOwnStepWithAdvice() throws Exception {
        VerificationReport wrong = verify("wrongpw");
        assertEquals(CheckStatus.FAIL, status(wrong, VerifyStep.AUTHENTICATED));
        assertTrue(detail(wrong, VerifyStep.AUTHENTICATED).startsWith("NOT_AUTHORIZED"));
        assertNotNull(wrong.checks().get(VerifyStep.AUTHENTICATED.ordinal()).advice());
        assertEquals(CheckStatus.SKIPPED, status(wrong, VerifyStep.PROFILES));

        VerificationReport none = verify("noprofiles");
        assertEquals(CheckStatus.FAIL, status(none, VerifyStep.PROFILES));
        assertTrue(detail(none, VerifyStep.PROFILES).contains("none with video"));

        assertTrue(detail(verify("html"), VerifyStep.REACHABLE).startsWith("NOT_SOAP"));
        assertTrue(detail(verify("oversized"), VerifyStep.REACHABLE).startsWith("TOO_LARGE"));
        assertTrue(detail(verify("down"), VerifyStep.REACHABLE).startsWith("TIMEOUT"));
        assertTrue(detail(verify("malformed"), VerifyStep.REACHABLE).startsWith("MALFORMED_XML"));
        VerificationReport refused = verify("refusing");
        assertTrue(detail(refused, VerifyStep.REACHABLE).startsWith("UNREACHABLE"));
        assertEquals(CheckStatus.SKIPPED, status(refused, VerifyStep.SNAPSHOT));
        assertNull(refused.manufacturer());
    }

    @Test
    void replayedAndStaleTokensAreRefused() throws Exception {
        URI device = URI.create("http://" + NET + "1:" + PORT + "/onvif/device_service");
        String body = "<tds:GetDeviceInformation xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"/>";
        UsernameToken token = UsernameToken.create("admin", "pw-0", Instant.now());
        byte[] request = SoapEnvelope.request(body, token);
        long replayedBefore = district.onvif().refusals("REPLAYED");
        HttpReply first = http.postSoap(device, request, null, null).get(5, TimeUnit.SECONDS);
        HttpReply again = http.postSoap(device, request, null, null).get(5, TimeUnit.SECONDS);
        assertEquals(200, first.status());
        assertEquals(400, again.status());
        assertTrue(new String(again.body()).contains("NotAuthorized"));
        assertEquals(replayedBefore + 1, district.onvif().refusals("REPLAYED"));

        long staleBefore = district.onvif().refusals("STALE");
        UsernameToken stale = UsernameToken.create("admin", "pw-0", Instant.now().minus(Duration.ofMinutes(10)));
        assertEquals(400, http.postSoap(device, SoapEnvelope.request(body, stale), null, null).get(5, TimeUnit.SECONDS).status());
        assertEquals(staleBefore + 1, district.onvif().refusals("STALE"));
    }

    @Test
    void unicastRangeDiscoveryFindsEveryCameraThatIsUp() throws Exception {
        DiscoveryResult result = discovery.discover(DiscoveryScope.range(NET + "1-" + NET + "20", DISCOVERY_PORT, 256),
                Duration.ofMillis(700)).get(10, TimeUnit.SECONDS);
        assertEquals(40, result.probesSent(), "every address twice");
        Set<String> found = result.devices().stream().map(DiscoveredDevice::address).collect(Collectors.toSet());
        assertEquals(NAMES.size() - 1, found.size(), "all but the refusing camera: " + found);
        assertTrue(found.contains(NET + "10"), "a DOWN camera still answers discovery");
        DiscoveredDevice standard = result.devices().stream().filter(d -> d.address().equals(NET + "1")).findFirst()
                .orElseThrow();
        assertEquals(List.of("http://" + NET + "1:" + PORT + "/onvif/device_service"), standard.xaddrs());
        assertEquals("standard", standard.name().orElseThrow());
        assertEquals("room-001", standard.location().orElseThrow());
        assertEquals("DS-2CD2T47G2-L", standard.hardware().orElseThrow());
        assertEquals(OnvifPersona.endpointOf("standard"), standard.endpoint());
        assertTrue(standard.types().contains("dn:NetworkVideoTransmitter"));
    }

    @Test
    void multicastDiscoveryOnLoopbackFindsTheSameCamerasOnce() throws Exception {
        DiscoveryResult result = discovery.discover(DiscoveryScope.multicast("lo", DISCOVERY_PORT), Duration.ofMillis(700))
                .get(10, TimeUnit.SECONDS);
        assertEquals(2, result.probesSent());
        assertEquals(NAMES.size() - 1, result.devices().size());
        assertEquals(2 * result.devices().size(), result.answers(), "each camera answered both probes, merged once");
        assertEquals(0, result.unreadable());
    }
}
