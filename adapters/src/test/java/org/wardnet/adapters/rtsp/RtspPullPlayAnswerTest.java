package org.wardnet.adapters.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A camera that sends the first interleaved RTP packets in the same TCP segment as its answer to
 * PLAY (cameras do: the stream starts the moment PLAY is answered): the pull hands those packets
 * on too, in order, not only the ones read after. The camera's SDP is a captured one.
 */
class RtspPullPlayAnswerTest {

    private static final RtspProbeSettings SETTINGS = new RtspProbeSettings(2_000, 2_000, 5_000, 8_192, 65_536, 1);
    private static final Pattern CSEQ = Pattern.compile("(?im)^CSeq:\\s*(\\d+)");

    @Test
    void packetsInThePlayAnswersSegmentAreHandedOn() throws Exception {
        byte[] sdp;
        try (InputStream in = RtspPullPlayAnswerTest.class.getResourceAsStream("/captures/rtsp/anpviz-unknown-DESCRIBE.sdp")) {
            sdp = in.readAllBytes();
        }
        List<Integer> sequenceNumbers = new CopyOnWriteArrayList<>();
        CountDownLatch threePackets = new CountDownLatch(3);
        CountDownLatch started = new CountDownLatch(1);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (ServerSocket camera = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> serve(camera, sdp), "fake-camera");
            answering.setDaemon(true);
            answering.start();
            RtspPull pull = RtspPull.start(group, SETTINGS, "rtsp://127.0.0.1:" + camera.getLocalPort() + "/live",
                    null, null, new RtspPull.Listener() {
                        @Override
                        public void started(RtspPull.PulledStream stream) {
                            started.countDown();
                        }

                        @Override
                        public void packet(ByteBuf rtp) {
                            sequenceNumbers.add(rtp.getUnsignedShort(rtp.readerIndex() + 2));
                            threePackets.countDown();
                        }

                        @Override
                        public void ended(String reason) {
                        }
                    });
            try {
                assertTrue(started.await(10, TimeUnit.SECONDS), "PLAY was answered");
                assertTrue(threePackets.await(10, TimeUnit.SECONDS), "packets arrived: " + sequenceNumbers);
                assertEquals(List.of(1000, 1001, 1002), sequenceNumbers.subList(0, 3),
                        "the two sent with the PLAY answer come first, then the one after");
            } finally {
                pull.close();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Answers DESCRIBE, SETUP and PLAY; PLAY's answer and two RTP packets go out in one write. */
    private static void serve(ServerSocket listening, byte[] sdp) {
        try (Socket socket = listening.accept()) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String request = readRequest(in);
                if (request == null) {
                    return;
                }
                Matcher cseq = CSEQ.matcher(request);
                String seq = cseq.find() ? cseq.group(1) : "0";
                if (request.startsWith("DESCRIBE")) {
                    out.write(("RTSP/1.0 200 OK\r\nCSeq: " + seq + "\r\nContent-Type: application/sdp\r\nContent-Length: "
                            + sdp.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(sdp);
                } else if (request.startsWith("SETUP")) {
                    out.write(("RTSP/1.0 200 OK\r\nCSeq: " + seq + "\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n"
                            + "Session: 634214684047;timeout=60\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                } else if (request.startsWith("PLAY")) {
                    ByteArrayOutputStream segment = new ByteArrayOutputStream();
                    segment.write(("RTSP/1.0 200 OK\r\nCSeq: " + seq + "\r\nSession: 634214684047\r\nRange: npt=0.000-\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    segment.write(interleaved(1000));
                    segment.write(interleaved(1001));
                    out.write(segment.toByteArray()); // one write: one segment on loopback
                    out.flush();
                    Thread.sleep(200);
                    out.write(interleaved(1002));
                } else {
                    out.write(("RTSP/1.0 200 OK\r\nCSeq: " + seq + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            }
        } catch (Exception e) {
            // the pull closed the connection: the test is over
        }
    }

    /** An interleaved frame on channel 0: an RTP header (H.264, payload 96) and a one-byte NAL unit. */
    private static byte[] interleaved(int sequenceNumber) {
        byte[] rtp = ByteBufUtil.decodeHexDump("8060" + String.format("%04x", sequenceNumber) + "00000000" + "12345678" + "09f0");
        byte[] frame = new byte[4 + rtp.length];
        frame[0] = '$';
        frame[1] = 0;
        frame[2] = (byte) (rtp.length >> 8);
        frame[3] = (byte) rtp.length;
        System.arraycopy(rtp, 0, frame, 4, rtp.length);
        return frame;
    }

    /** One request (headers only: these have no body), or null at the end of the stream. */
    private static String readRequest(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }
}
