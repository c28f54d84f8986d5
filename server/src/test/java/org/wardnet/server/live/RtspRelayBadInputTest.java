package org.wardnet.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardnet.adapters.live.LiveRelay;
import org.wardnet.adapters.live.LiveRelaySettings;
import org.wardnet.adapters.live.LiveSource;
import org.wardnet.adapters.live.RelayRtspServer;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.run.SimulatedDistrict;

/**
 * What the relay's RTSP server does with requests it cannot serve, each on a raw socket: garbage
 * (400, closed), SETUP before DESCRIBE (455), PLAY before SETUP (455), an unknown camera (404), no
 * credentials (401 with a Basic challenge), UDP transport (461), a camera that cannot be reached
 * (502); and a client that never reads is dropped, then disconnected, while the others are not.
 */
class RtspRelayBadInputTest {

    private static EventLoopGroup group;
    private static SimulatedDistrict district;
    private static LiveRelay relay;
    private static RelayRtspServer server;
    private static RelayRtspServer unreachable;
    private static TestGate gate;

    @BeforeAll
    static void start() throws Exception {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        district = SimulatedDistrict.start(group, H264Clip.shipped(),
                List.of(SimulatedCamera.of("live1", "rtsp://127.1.246.2:18572/live", null, "admin", "pw1", 18572)));
        LiveRelaySettings settings = new LiveRelaySettings(new RtspProbeSettings(2_000, 3_000, 3_000, 8_192, 65_536, 0),
                500, 10, 100, 4 << 20, 2_000, 200, 1_000);
        gate = new TestGate(new LiveSource("rtsp://127.1.246.2:18572/live", "admin", "pw1"));
        relay = new LiveRelay(group, settings);
        server = RelayRtspServer.bind(group, group, "127.0.0.1", 0, relay, gate, 64 * 1024, 16 * 1024);
        unreachable = RelayRtspServer.bind(group, group, "127.0.0.1", 0, new LiveRelay(group, settings),
                new TestGate(new LiveSource("rtsp://127.0.0.1:1/none", null, null)), 64 * 1024, 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        unreachable.close();
        relay.close();
        district.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private static String url(String path) {
        return "rtsp://127.0.0.1:" + server.port() + path;
    }

    @Test
    void garbageIsAnsweredWith400AndTheConnectionClosed() throws Exception {
        try (Socket socket = connect(server.port())) {
            socket.getOutputStream().write("\u0001\u0002 not rtsp at all\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String answer = readAll(socket);
            assertTrue(answer.startsWith("RTSP/1.0 400"), answer);
        }
    }

    @Test
    void requestsOutOfOrderOrForWhatIsNotThereAreRefusedSayingWhy() throws Exception {
        try (Socket socket = connect(server.port())) {
            String setup = exchange(socket, "SETUP " + url("/live/live1/trackID=0") + " RTSP/1.0\r\nCSeq: 1\r\n"
                    + "Authorization: Bearer ok\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
            assertTrue(setup.startsWith("RTSP/1.0 455") && setup.contains("DESCRIBE"), setup);
            assertTrue(setup.contains("CSeq: 1"), setup);
            String play = exchange(socket, "PLAY " + url("/live/live1") + " RTSP/1.0\r\nCSeq: 2\r\n\r\n");
            assertTrue(play.startsWith("RTSP/1.0 455"), play);
            String unknown = exchange(socket, "DESCRIBE " + url("/live/no-such-camera") + " RTSP/1.0\r\nCSeq: 3\r\n"
                    + "Authorization: Bearer ok\r\n\r\n");
            assertTrue(unknown.startsWith("RTSP/1.0 404"), unknown);
            String notLive = exchange(socket, "DESCRIBE " + url("/elsewhere") + " RTSP/1.0\r\nCSeq: 4\r\n\r\n");
            assertTrue(notLive.startsWith("RTSP/1.0 404") && notLive.contains("/live/"), notLive);
            String anonymous = exchange(socket, "DESCRIBE " + url("/live/live1") + " RTSP/1.0\r\nCSeq: 5\r\n\r\n");
            assertTrue(anonymous.startsWith("RTSP/1.0 401") && anonymous.contains("WWW-Authenticate: Basic"), anonymous);
            String described = exchange(socket, "DESCRIBE " + url("/live/live1") + " RTSP/1.0\r\nCSeq: 6\r\n"
                    + "Authorization: Bearer ok\r\n\r\n");
            assertTrue(described.startsWith("RTSP/1.0 200") && described.contains("m=video 0 RTP/AVP 96")
                    && described.contains("a=control:trackID=0") && !described.contains("127.1.246.2"), described);
            String udp = exchange(socket, "SETUP " + url("/live/live1/trackID=0") + " RTSP/1.0\r\nCSeq: 7\r\n"
                    + "Transport: RTP/AVP;unicast;client_port=5000-5001\r\n\r\n");
            assertTrue(udp.startsWith("RTSP/1.0 461") && udp.contains("TCP"), udp);
            String pause = exchange(socket, "PAUSE " + url("/live/live1") + " RTSP/1.0\r\nCSeq: 8\r\n\r\n");
            assertTrue(pause.startsWith("RTSP/1.0 501"), pause);
        }
    }

    @Test
    void aCameraThatCannotBeReachedIsA502() throws Exception {
        try (Socket socket = connect(unreachable.port())) {
            String answer = exchange(socket, "DESCRIBE rtsp://127.0.0.1:" + unreachable.port() + "/live/live1"
                    + " RTSP/1.0\r\nCSeq: 1\r\nAuthorization: Bearer ok\r\n\r\n");
            assertTrue(answer.startsWith("RTSP/1.0 502") && answer.contains("could not be pulled"), answer);
        }
    }

    @Test
    void aClientThatNeverReadsIsDroppedThenDisconnectedAndOthersAreNot() throws Exception {
        long slowBefore = relay.meters().slowDisconnects();
        RtspRelayTest.CountingClient reader = RtspRelayTest.CountingClient.open(group,
                "rtsp://viewer:ok@127.0.0.1:" + server.port() + "/live/live1");
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()));
            stalled.setSoTimeout(5_000);
            String describe = exchange(stalled, "DESCRIBE " + url("/live/live1") + " RTSP/1.0\r\nCSeq: 1\r\n"
                    + "Authorization: Bearer ok\r\n\r\n");
            assertTrue(describe.startsWith("RTSP/1.0 200"), describe);
            String setup = exchange(stalled, "SETUP " + url("/live/live1/trackID=0") + " RTSP/1.0\r\nCSeq: 2\r\n"
                    + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");
            String session = setup.lines().filter(l -> l.startsWith("Session:")).findFirst().orElseThrow()
                    .substring(8).split(";")[0].strip();
            stalled.getOutputStream().write(("PLAY " + url("/live/live1") + " RTSP/1.0\r\nCSeq: 3\r\nSession: "
                    + session + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            // never read again: the relay fills the socket, drops pictures, then gives up on it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (relay.meters().slowDisconnects() == slowBefore && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(slowBefore + 1, relay.meters().slowDisconnects(), "the stalled client is disconnected");
            assertTrue(relay.meters().dropped() > 0, "pictures were dropped for it before");
            long before = reader.packets();
            assertTrue(reader.awaitPackets(before + 50, 20), "the reading client keeps its stream");
            assertTrue(gate.ends.stream().anyMatch(end -> end.startsWith("the client read too slowly")), gate.ends.toString());
        } finally {
            reader.close();
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends one request and reads one answer (headers and a Content-Length body). */
    private static String exchange(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = text.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .mapToInt(l -> Integer.parseInt(l.substring(15).strip())).findFirst().orElse(0);
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String readAll(Socket socket) throws IOException {
        try {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was not closed", e);
        }
    }
}
