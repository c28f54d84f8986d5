package org.wardnet.adapters.rtsp;

import org.wardnet.adapters.auth.DigestAuthenticator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardnet.adapters.rtsp.ScriptedRtspServer.captured;
import static org.wardnet.adapters.rtsp.ScriptedRtspServer.response;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardnet.core.health.ProbeDepth;
import org.wardnet.core.health.ProbeErrorClass;
import org.wardnet.core.health.ProbeOutcome;

/** The prober against a loopback server that answers with captured camera bytes or misbehaves. */
class RtspProberTest {

    private static EventLoopGroup group;
    private static RtspProber prober;
    private static final RtspProbeSettings FAST = new RtspProbeSettings(1_000, 800, 1_500, 8_192, 65_536, 3);

    @BeforeAll
    static void start() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        prober = new RtspProber(group, FAST);
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static ProbeOutcome probe(ScriptedRtspServer server, String user, String password, ProbeDepth depth)
            throws Exception {
        return prober.probe(server.url("/Streaming/Channels/101"), user, password, depth).get(20, TimeUnit.SECONDS);
    }

    private static void assertFailed(ProbeOutcome outcome, ProbeErrorClass expected, String messagePart) {
        assertEquals(expected, outcome.error(), outcome.message());
        assertTrue(outcome.message().contains(messagePart), outcome.message());
    }

    /** Answers like the captured Hikvision camera: OPTIONS, DESCRIBE with its real SDP. */
    private static boolean hikvision(ScriptedRtspServer.Request r, OutputStream out) throws java.io.IOException {
        out.write(r.method().equals("DESCRIBE") ? captured("hikvision-unknown-DESCRIBE.rtsp", r)
                : captured("dahua-unknown-OPTIONS.rtsp", r));
        return true;
    }

    @Test
    void describeReadsCodecAndSizeFromARealCameraAnswer() throws Exception {
        try (ScriptedRtspServer server = new ScriptedRtspServer(RtspProberTest::hikvision)) {
            ProbeOutcome outcome = probe(server, null, null, ProbeDepth.DESCRIBE);
            assertTrue(outcome.ok(), outcome.message());
            assertEquals("H264", outcome.codec());
            assertEquals(1920, outcome.width());
            assertEquals(1080, outcome.height());
            assertEquals(List.of("OPTIONS", "DESCRIBE"), ScriptedRtspServer.methods(server.requests));
            assertEquals("application/sdp", server.requests.get(1).header("Accept"));
        }
    }

    @Test
    void digestChallengeIsAnsweredCorrectly() throws Exception {
        String realm = "IP Camera(C2358)";
        String nonce = "c52b5f2cb1e4c8d5";
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            String authorization = r.header("Authorization");
            if (authorization == null || !validDigest(authorization, r.method(), "admin", "s3cret", realm, nonce)) {
                out.write(response(r, "401 Unauthorized",
                        "WWW-Authenticate: Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", stale=\"FALSE\"",
                        "WWW-Authenticate: Basic realm=\"" + realm + "\""));
                return true;
            }
            return hikvision(r, out);
        })) {
            ProbeOutcome ok = probe(server, "admin", "s3cret", ProbeDepth.DESCRIBE);
            assertTrue(ok.ok(), ok.message());
            ProbeOutcome wrong = probe(server, "admin", "guess", ProbeDepth.OPTIONS);
            assertFailed(wrong, ProbeErrorClass.AUTH_FAILED, "refused");
            ProbeOutcome none = probe(server, null, null, ProbeDepth.OPTIONS);
            assertFailed(none, ProbeErrorClass.AUTH_FAILED, "none are configured");
        }
    }

    /** Checks an RFC 2617 Digest response (no qop) the way a camera does. */
    private static boolean validDigest(String header, String method, String user, String password, String realm,
            String nonce) {
        Map<String, String> p = DigestAuthenticator.parameters(header.substring("Digest ".length()));
        String ha1 = DigestAuthenticator.md5(user + ":" + realm + ":" + password);
        String ha2 = DigestAuthenticator.md5(method + ":" + p.get("uri"));
        return user.equals(p.get("username")) && nonce.equals(p.get("nonce"))
                && DigestAuthenticator.md5(ha1 + ":" + nonce + ":" + ha2).equals(p.get("response"));
    }

    @Test
    void anEndless401LoopIsBounded() throws Exception {
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            out.write(response(r, "401 Unauthorized", "WWW-Authenticate: Digest realm=\"x\", nonce=\"n" + r.index()
                    + "\", stale=true"));
            return true;
        })) {
            ProbeOutcome outcome = probe(server, "admin", "pw", ProbeDepth.OPTIONS);
            assertFailed(outcome, ProbeErrorClass.AUTH_FAILED, "401 again");
            assertTrue(server.requests.size() <= 4, "bounded retries: " + server.requests.size());
        }
    }

    @Test
    void basicAuthenticationWhenThatIsAllTheServerOffers() throws Exception {
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:pw".getBytes(StandardCharsets.UTF_8));
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            if (!expected.equals(r.header("Authorization"))) {
                out.write(response(r, "401 Unauthorized", "WWW-Authenticate: Basic realm=\"cam\""));
                return true;
            }
            return hikvision(r, out);
        })) {
            assertTrue(probe(server, "admin", "pw", ProbeDepth.OPTIONS).ok());
        }
    }

    @Test
    void missingOrWrongCSeqIsMalformed() throws Exception {
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            out.write("RTSP/1.0 200 OK\r\nPublic: OPTIONS\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return true;
        })) {
            assertFailed(probe(server, null, null, ProbeDepth.OPTIONS), ProbeErrorClass.MALFORMED, "without a CSeq");
        }
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            out.write("RTSP/1.0 200 OK\r\nCSeq: 99\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return true;
        })) {
            assertFailed(probe(server, null, null, ProbeDepth.OPTIONS), ProbeErrorClass.MALFORMED, "CSeq 99, 1 expected");
        }
    }

    @Test
    void garbageOversizedAndTruncatedAnswersAreClassified() throws Exception {
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            out.write("\u0000\u0001binary nonsense\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return true;
        })) {
            assertEquals(ProbeErrorClass.MALFORMED, probe(server, null, null, ProbeDepth.OPTIONS).error());
        }
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            out.write(("RTSP/1.0 200 OK\r\nCSeq: " + r.cseq() + "\r\nX-Pad: " + "a".repeat(10_000) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return true;
        })) {
            assertFailed(probe(server, null, null, ProbeDepth.OPTIONS), ProbeErrorClass.MALFORMED, "header block over");
        }
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            out.write(response(r, "200 OK", "Content-Type: application/sdp", "Content-Length: 10000000"));
            return true;
        })) {
            assertFailed(probe(server, null, null, ProbeDepth.OPTIONS), ProbeErrorClass.MALFORMED, "over 65536");
        }
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            if (r.method().equals("OPTIONS")) {
                return hikvision(r, out);
            }
            byte[] full = captured("hikvision-unknown-DESCRIBE.rtsp", r);
            out.write(full, 0, full.length / 2); // then close: the body never completes
            return false;
        })) {
            assertFailed(probe(server, null, null, ProbeDepth.DESCRIBE), ProbeErrorClass.CLOSED, "closed");
        }
    }

    @Test
    void silenceIsATimeoutAndARefusedPortIsRefused() throws Exception {
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            Thread.sleep(5_000);
            return false;
        })) {
            assertFailed(probe(server, null, null, ProbeDepth.OPTIONS), ProbeErrorClass.TIMEOUT, "no answer within 800 ms");
        }
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ProbeOutcome refused = prober.probe("rtsp://127.0.0.1:" + closedPort + "/x", null, null, ProbeDepth.OPTIONS)
                .get(10, TimeUnit.SECONDS);
        assertEquals(ProbeErrorClass.REFUSED, refused.error(), refused.message());
        assertTrue(refused.error().isConnectionError());
    }

    @Test
    void anAnswerTrickledSlowerThanTheTimeoutIsATimeout() throws Exception {
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            byte[] answer = captured("dahua-unknown-OPTIONS.rtsp", r);
            for (byte b : answer) { // one byte every 100 ms: it would take far longer than the 800 ms allowed
                out.write(b);
                out.flush();
                Thread.sleep(100);
            }
            return true;
        })) {
            ProbeOutcome outcome = probe(server, null, null, ProbeDepth.OPTIONS);
            assertFailed(outcome, ProbeErrorClass.TIMEOUT, "no answer within 800 ms");
        }
    }

    @Test
    void connectFailuresAreClassifiedByWhatTheHostDid() {
        assertEquals(ProbeErrorClass.REFUSED, RtspProber.classifyConnect(new java.net.ConnectException("Connection refused")));
        assertEquals(ProbeErrorClass.REFUSED, RtspProber.classifyConnect(
                new java.net.SocketException("Connection reset by peer")), "a reset answer to a SYN is a refusal");
        assertEquals(ProbeErrorClass.CONNECT_TIMEOUT, RtspProber.classifyConnect(
                new io.netty.channel.ConnectTimeoutException("connection timed out")));
        assertEquals(ProbeErrorClass.UNREACHABLE, RtspProber.classifyConnect(new java.net.NoRouteToHostException("x")));
        assertEquals(ProbeErrorClass.UNREACHABLE, RtspProber.classifyConnect(
                new java.net.ConnectException("Network is unreachable")));
    }

    @Test
    void redirectsAreFollowedAndLoopsStopped() throws Exception {
        try (ScriptedRtspServer target = new ScriptedRtspServer(RtspProberTest::hikvision);
                ScriptedRtspServer redirecting = new ScriptedRtspServer((r, out) -> {
                    out.write(response(r, "302 Moved", "Location: " + target.url("/Streaming/Channels/101")));
                    return true;
                })) {
            ProbeOutcome followed = probe(redirecting, null, null, ProbeDepth.DESCRIBE);
            assertTrue(followed.ok(), followed.message());
            assertEquals(1920, followed.width());
        }
        try (ScriptedRtspServer loop = new ScriptedRtspServer((r, out) -> {
            String next = r.uri().endsWith("/a") ? "/b" : "/a";
            out.write(response(r, "301 Moved", "Location: rtsp://127.0.0.1:" + r.uri().split(":")[2].split("/")[0] + next));
            return true;
        })) {
            assertFailed(probe(loop, null, null, ProbeDepth.OPTIONS), ProbeErrorClass.REDIRECT_LOOP, "->");
        }
    }

    @Test
    void anSdpWithoutVideoIsNoVideo() throws Exception {
        String sdp = new String(Captures.bytes("udptechnology-unknown-DESCRIBE-fragment.sdp"), StandardCharsets.ISO_8859_1);
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            if (r.method().equals("OPTIONS")) {
                return hikvision(r, out);
            }
            out.write(response(r, "200 OK", "Content-Type: application/sdp", "Content-Length: " + sdp.length()));
            out.write(sdp.getBytes(StandardCharsets.ISO_8859_1));
            return true;
        })) {
            assertFailed(probe(server, null, null, ProbeDepth.DESCRIBE), ProbeErrorClass.NO_VIDEO, "no video media");
        }
    }

    @Test
    void mediaCheckWaitsForTheFirstKeyFrameAndStalledMediaIsNoMedia() throws Exception {
        try (ScriptedRtspServer server = new ScriptedRtspServer(mediaScript(true))) {
            ProbeOutcome outcome = probe(server, null, null, ProbeDepth.MEDIA);
            assertTrue(outcome.ok(), outcome.message());
            assertNotNull(outcome.keyFrameMillis());
            assertEquals(List.of("OPTIONS", "DESCRIBE", "SETUP", "PLAY", "TEARDOWN"),
                    ScriptedRtspServer.methods(server.requests));
            assertEquals("rtsp://192.168.5.106:554/Streaming/Channels/101/trackID=1?transportmode=unicast&profile=Profile_1",
                    server.requests.get(2).uri(), "SETUP uses the track's absolute control URL");
            assertTrue(server.requests.get(2).header("Transport").startsWith("RTP/AVP/TCP;unicast;interleaved=0-1"));
            assertEquals("12345678", server.requests.get(3).header("Session"));
        }
        try (ScriptedRtspServer server = new ScriptedRtspServer(mediaScript(false))) {
            ProbeOutcome stalled = probe(server, null, null, ProbeDepth.MEDIA);
            assertFailed(stalled, ProbeErrorClass.NO_MEDIA, "no key frame within 1500 ms");
            assertNull(stalled.keyFrameMillis());
        }
    }

    @Test
    void aLongWaitForMediaKeepsTheSessionAliveWithGetParameter() throws Exception {
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            switch (r.method()) {
                case "OPTIONS", "DESCRIBE" -> hikvision(r, out);
                case "SETUP" -> out.write(response(r, "200 OK", "Session: 777;timeout=1",
                        "Transport: RTP/AVP/TCP;unicast;interleaved=0-1"));
                case "PLAY" -> out.write(response(r, "200 OK", "Session: 777")); // no media ever
                default -> out.write(response(r, "200 OK", "Session: 777"));
            }
            return true;
        })) {
            ProbeOutcome outcome = probe(server, null, null, ProbeDepth.MEDIA);
            assertFailed(outcome, ProbeErrorClass.NO_MEDIA, "no key frame");
            long keepAlives = server.requests.stream().filter(r -> r.method().equals("GET_PARAMETER")).count();
            assertTrue(keepAlives >= 1, "GET_PARAMETER every half of the 1 s session timeout while waiting: "
                    + ScriptedRtspServer.methods(server.requests));
            assertTrue(server.requests.stream().filter(r -> r.method().equals("GET_PARAMETER"))
                    .allMatch(r -> "777".equals(r.header("Session"))));
        }
    }

    @Test
    void digestWithQopAuthIsAnswered() throws Exception {
        String realm = "cam";
        String nonce = "0a4f113b";
        try (ScriptedRtspServer server = new ScriptedRtspServer((r, out) -> {
            String authorization = r.header("Authorization");
            if (authorization != null) {
                Map<String, String> p = DigestAuthenticator.parameters(authorization.substring("Digest ".length()));
                String ha1 = DigestAuthenticator.md5("admin:" + realm + ":pw");
                String ha2 = DigestAuthenticator.md5(r.method() + ":" + p.get("uri"));
                String expected = DigestAuthenticator.md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce")
                        + ":auth:" + ha2);
                if ("auth".equals(p.get("qop")) && expected.equals(p.get("response")) && p.get("cnonce") != null
                        && "opaque-1".equals(p.get("opaque"))) {
                    return hikvision(r, out);
                }
            }
            out.write(response(r, "401 Unauthorized", "WWW-Authenticate: Digest realm=\"" + realm + "\", nonce=\""
                    + nonce + "\", qop=\"auth,auth-int\", opaque=\"opaque-1\", algorithm=MD5"));
            return true;
        })) {
            ProbeOutcome outcome = probe(server, "admin", "pw", ProbeDepth.DESCRIBE);
            assertTrue(outcome.ok(), outcome.message());
        }
    }

    /** The captured Hikvision dialogue; after PLAY, RTP over TCP: non-key slices, then (or never) an IDR. */
    private static ScriptedRtspServer.Script mediaScript(boolean sendKeyFrame) {
        return (r, out) -> {
            switch (r.method()) {
                case "OPTIONS", "DESCRIBE" -> hikvision(r, out);
                case "SETUP" -> out.write(response(r, "200 OK", "Session: 12345678;timeout=60",
                        "Transport: RTP/AVP/TCP;unicast;interleaved=0-1"));
                case "PLAY" -> {
                    out.write(response(r, "200 OK", "Session: 12345678"));
                    for (int i = 0; i < 5; i++) {
                        out.write(interleaved(0, rtp(i, new byte[] {0x41, (byte) 0x9a, 0x00}))); // non-IDR slice
                    }
                    if (sendKeyFrame) {
                        out.write(interleaved(0, rtp(5, new byte[] {0x7c, (byte) 0x85, 0x00}))); // FU-A start of IDR
                    }
                }
                default -> out.write(response(r, "200 OK"));
            }
            return true;
        };
    }

    static byte[] rtp(int sequence, byte[] payload) {
        byte[] packet = new byte[12 + payload.length];
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        System.arraycopy(payload, 0, packet, 12, payload.length);
        return packet;
    }

    static byte[] interleaved(int channel, byte[] packet) {
        byte[] frame = new byte[4 + packet.length];
        frame[0] = '$';
        frame[1] = (byte) channel;
        frame[2] = (byte) (packet.length >> 8);
        frame[3] = (byte) packet.length;
        System.arraycopy(packet, 0, frame, 4, packet.length);
        return frame;
    }

    @Test
    void aHangingCameraDoesNotHoldUpTheOthers() throws Exception {
        try (ScriptedRtspServer hanging = new ScriptedRtspServer((r, out) -> {
            Thread.sleep(5_000);
            return false;
        }); ScriptedRtspServer healthy = new ScriptedRtspServer(RtspProberTest::hikvision)) {
            CompletableFuture<ProbeOutcome> slow = prober.probe(hanging.url("/"), null, null, ProbeDepth.OPTIONS);
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertTrue(probe(healthy, null, null, ProbeDepth.DESCRIBE).ok());
            }
            assertTrue(!slow.isDone() || slow.get().error() == ProbeErrorClass.TIMEOUT);
            assertEquals(ProbeErrorClass.TIMEOUT, slow.get(10, TimeUnit.SECONDS).error());
            assertTrue(System.nanoTime() - start > 0);
        }
    }
}
