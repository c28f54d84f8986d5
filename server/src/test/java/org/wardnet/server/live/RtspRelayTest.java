package org.wardnet.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardnet.adapters.live.LiveRelay;
import org.wardnet.adapters.live.LiveRelaySettings;
import org.wardnet.adapters.live.LiveSource;
import org.wardnet.adapters.live.RelayRtspServer;
import org.wardnet.adapters.live.UpstreamStats;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.adapters.rtsp.RtspPull;
import org.wardnet.server.federation.LinkProxy;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.run.SimulatedDistrict;

/**
 * The relay's RTSP server against real clients: Debian's ffprobe, ffmpeg and GStreamer read a
 * simulated camera through it and find the camera's codec, size and pictures; fifty consumers
 * cost the camera one stream; a camera link cut for ten seconds keeps its consumers, whose RTP
 * resumes continuous with the gap in its timestamps. The camera sits behind the test's own TCP
 * proxy, so the link can be cut.
 */
class RtspRelayTest {

    static final String CAMERA = "rtsp://127.1.246.1:18571/live";
    private static EventLoopGroup group;
    private static SimulatedDistrict district;
    private static LinkProxy link;
    private static LiveRelay relay;
    private static RelayRtspServer server;
    private static TestGate gate;

    @BeforeAll
    static void start() throws Exception {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        district = SimulatedDistrict.start(group, H264Clip.shipped(),
                List.of(SimulatedCamera.of("live1", CAMERA, null, "admin", "pw1", 18571)));
        link = LinkProxy.start(new InetSocketAddress("127.1.246.1", 18571));
        gate = new TestGate(new LiveSource("rtsp://127.0.0.1:" + link.port() + "/live", "admin", "pw1"));
        relay = new LiveRelay(group, new LiveRelaySettings(new RtspProbeSettings(2_000, 3_000, 2_000, 8_192, 65_536, 0),
                500, 10, 100, 4 << 20, 2_000, 200, 1_000));
        server = RelayRtspServer.bind(group, group, "127.0.0.1", 0, relay, gate, 64 * 1024, 32 * 1024);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        relay.close();
        link.close();
        district.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    static String relayUrl() {
        return "rtsp://viewer:ok@127.0.0.1:" + server.port() + "/live/live1";
    }

    @Test
    void ffprobeFfmpegAndGstreamerSeeTheCamerasStreamThroughTheRelay() throws Exception {
        String direct = Tools.run("ffprobe", "-v", "error", "-rtsp_transport", "tcp", "-show_entries",
                "stream=codec_name,width,height", "-of", "csv=p=0", "rtsp://admin:pw1@127.1.246.1:18571/live");
        String relayed = Tools.run("ffprobe", "-v", "error", "-rtsp_transport", "tcp", "-show_entries",
                "stream=codec_name,width,height", "-of", "csv=p=0", relayUrl());
        assertEquals("h264,640,360", direct.strip());
        assertEquals(direct.strip(), relayed.strip(), "ffprobe finds the camera's codec and size through the relay");

        // GStreamer's rtspsrc, depayloaded and parsed: h264parse's caps carry the size it read from the stream
        String gstreamer = Tools.run("gst-launch-1.0", "-v", "rtspsrc", "location=" + relayUrl(), "protocols=tcp",
                "!", "rtph264depay", "!", "h264parse", "!", "fakesink", "num-buffers=30");
        assertTrue(gstreamer.contains("video/x-h264") && gstreamer.contains("width=(int)640")
                && gstreamer.contains("height=(int)360") && gstreamer.contains("Got EOS"), gstreamer);

        // every picture decoded through the relay is one of the camera's (the clip loops every 50)
        Set<String> cameraPictures = Tools.frameHashes("rtsp://admin:pw1@127.1.246.1:18571/live", 100);
        Set<String> relayedPictures = Tools.frameHashes(relayUrl(), 40);
        assertTrue(relayedPictures.size() >= 20, "distinct pictures through the relay: " + relayedPictures.size());
        assertTrue(cameraPictures.containsAll(relayedPictures),
                "pictures not of the camera: " + relayedPictures.stream().filter(p -> !cameraPictures.contains(p)).toList());
    }

    @Test
    void fiftyConsumersCostTheCameraOneStream() throws Exception {
        SimulatedCamera camera = district.camera("live1");
        awaitIdle(camera);
        int startedBefore = camera.streamsStarted();
        List<Process> ffmpegs = new ArrayList<>();
        List<CountingClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ffmpegs.add(new ProcessBuilder("ffmpeg", "-v", "error", "-rtsp_transport", "tcp", "-i", relayUrl(),
                        "-c", "copy", "-f", "null", "-").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            for (int i = 0; i < 47; i++) {
                clients.add(CountingClient.open(group, relayUrl()));
            }
            for (CountingClient client : clients) {
                assertTrue(client.awaitPackets(50, 20), "a consumer receives the stream");
            }
            UpstreamStats stream = awaitConsumers(50);
            assertEquals(50, stream.consumers(), stream.toString());
            assertEquals(1, camera.streamsPlaying(), "one stream at the camera for 50 consumers");
            assertEquals(startedBefore + 1, camera.streamsStarted(), "the camera was asked once");
            assertTrue(ffmpegs.stream().allMatch(Process::isAlive), "the ffmpeg consumers keep reading");
        } finally {
            clients.forEach(CountingClient::close);
            ffmpegs.forEach(Process::destroy);
        }
        awaitIdle(camera);
        assertEquals(0, camera.streamsPlaying(), "the upstream closes after the last consumer and the linger");
        assertTrue(relay.streams().isEmpty(), relay.streams().toString());
    }

    @Test
    void aCutCameraLinkKeepsTheConsumersAndResumesWithTheGap() throws Exception {
        CountingClient client = CountingClient.open(group, relayUrl());
        try {
            assertTrue(client.awaitPackets(50, 20));
            link.cut();
            long cutAt = System.nanoTime();
            Thread.sleep(10_000);
            long packetsDuringCut = client.packets();
            link.restore();
            assertTrue(client.awaitPackets(packetsDuringCut + 50, 30), "frames resume after the link is restored");
            long gapMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cutAt);
            assertFalse(client.ended(), "the consumer stayed attached: " + client.endReason());
            assertEquals(0, client.sequenceBreaks(), "RTP sequence numbers stay continuous across the gap");
            long jump = client.largestTimestampJump();
            assertTrue(jump >= 9L * 90_000 && jump <= (gapMillis + 2_000) * 90, "the gap shows in RTP time: "
                    + jump + " ticks for a cut of about " + gapMillis + " ms");
            assertTrue(relay.streams().get(0).reconnects() >= 1, relay.streams().toString());
        } finally {
            link.restore();
            client.close();
        }
    }

    @Test
    void theBrowsersFragmentedMp4OfTheStreamIsWhatFfmpegDecodesAsTheCamerasPictures() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("wardnet-live-", ".mp4");
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        List<String> texts = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger segments = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch enough = new java.util.concurrent.CountDownLatch(1);
        org.wardnet.adapters.live.Fmp4Consumer.Sink sink = new org.wardnet.adapters.live.Fmp4Consumer.Sink() {
            @Override
            public void text(String message) {
                texts.add(message);
            }

            @Override
            public void binary(ByteBuf segment) {
                synchronized (written) {
                    byte[] bytes = new byte[segment.readableBytes()];
                    segment.readBytes(bytes);
                    written.writeBytes(bytes);
                }
                segment.release();
                if (segments.incrementAndGet() == 61) { // the initialisation segment and 60 pictures
                    enough.countDown();
                }
            }

            @Override
            public boolean writable() {
                return enough.getCount() > 0;
            }

            @Override
            public void close(String reason) {
            }
        };
        try (org.wardnet.adapters.live.LiveTap tap = relay.open(new org.wardnet.adapters.live.StreamKey("live1", false),
                gate.source())) {
            String sdp = tap.described().get(20, TimeUnit.SECONDS).sdp();
            tap.play(new org.wardnet.adapters.live.Fmp4Consumer(sdp, sink, relay.meters()));
            assertTrue(enough.await(20, TimeUnit.SECONDS), "60 pictures arrive");
        }
        synchronized (written) {
            java.nio.file.Files.write(file, written.toByteArray());
        }
        try {
            String profile = H264Clip.shipped().profileLevelId().toLowerCase(java.util.Locale.ROOT);
            assertEquals("{\"mime\":\"video/mp4; codecs=\\\"avc1." + profile + "\\\"\",\"width\":640,\"height\":360}",
                    texts.get(0), "the MIME type Media Source Extensions are asked about, from the camera's SPS");
            String probed = Tools.run("ffprobe", "-v", "error", "-count_frames", "-show_entries",
                    "stream=codec_name,width,height,nb_read_frames", "-of", "csv=p=0", file.toString());
            assertEquals("h264,640,360,60", probed.strip(), "ffprobe reads every picture of the fragments");
            Set<String> cameraPictures = Tools.frameHashes("rtsp://admin:pw1@127.1.246.1:18571/live", 100);
            Set<String> muxed = Tools.frameHashes(file.toString(), 60);
            assertTrue(muxed.size() >= 25 && cameraPictures.containsAll(muxed), "decoded pictures are the camera's");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static UpstreamStats awaitConsumers(int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<UpstreamStats> streams = relay.streams();
            if (streams.size() == 1 && streams.get(0).consumers() == wanted) {
                return streams.get(0);
            }
            Thread.sleep(50);
        }
        return relay.streams().get(0);
    }

    private static void awaitIdle(SimulatedCamera camera) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((camera.streamsPlaying() > 0 || !relay.streams().isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** An RTSP consumer of the relay, counting what it gets (Wardnet's own camera-side client). */
    static final class CountingClient implements RtspPull.Listener {
        private final Object lock = new Object();
        private RtspPull pull;
        private long packets;
        private int lastSeq = -1;
        private long lastTimestamp = -1;
        private int sequenceBreaks;
        private long largestJump;
        private volatile String endReason;

        static CountingClient open(EventLoopGroup group, String url) {
            java.net.URI uri = java.net.URI.create(url);
            String[] credentials = uri.getUserInfo().split(":", 2);
            String plain = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + uri.getRawPath();
            CountingClient client = new CountingClient();
            client.pull = RtspPull.start(group, new RtspProbeSettings(2_000, 5_000, 60_000, 8_192, 65_536, 0), plain,
                    credentials[0], credentials[1], client);
            return client;
        }

        @Override
        public void started(RtspPull.PulledStream stream) {
        }

        @Override
        public void packet(ByteBuf rtp) {
            int seq = rtp.getUnsignedShort(rtp.readerIndex() + 2);
            long timestamp = rtp.getUnsignedInt(rtp.readerIndex() + 4);
            synchronized (lock) {
                if (lastSeq >= 0 && seq != ((lastSeq + 1) & 0xFFFF)) {
                    sequenceBreaks++;
                }
                if (lastTimestamp >= 0) {
                    largestJump = Math.max(largestJump, (timestamp - lastTimestamp) & 0xFFFFFFFFL);
                }
                lastSeq = seq;
                lastTimestamp = timestamp;
                packets++;
                lock.notifyAll();
            }
        }

        @Override
        public void ended(String reason) {
            endReason = reason;
        }

        boolean awaitPackets(long count, int seconds) throws InterruptedException {
            long deadline = System.currentTimeMillis() + seconds * 1000L;
            synchronized (lock) {
                while (packets < count && System.currentTimeMillis() < deadline && endReason == null) {
                    lock.wait(100);
                }
                return packets >= count;
            }
        }

        long packets() {
            synchronized (lock) {
                return packets;
            }
        }

        int sequenceBreaks() {
            synchronized (lock) {
                return sequenceBreaks;
            }
        }

        long largestTimestampJump() {
            synchronized (lock) {
                return largestJump;
            }
        }

        boolean ended() {
            return endReason != null;
        }

        String endReason() {
            return endReason;
        }

        void close() {
            pull.close();
        }
    }

    /** Running Debian's tools. */
    static final class Tools {
        static String run(String... command) throws Exception {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
            return out;
        }

        /** The MD5 of each of the first {@code frames} pictures ffmpeg decodes from {@code url}. */
        static Set<String> frameHashes(String url, int frames) throws Exception {
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error"));
            if (url.startsWith("rtsp:")) {
                command.addAll(List.of("-rtsp_transport", "tcp"));
            }
            command.addAll(List.of("-i", url, "-frames:v", Integer.toString(frames), "-f", "framemd5", "-"));
            String out = run(command.toArray(String[]::new));
            Set<String> hashes = new HashSet<>();
            for (String line : out.split("\n")) {
                if (!line.startsWith("#") && line.contains(",")) {
                    String[] cells = line.split(",");
                    hashes.add(cells[cells.length - 1].strip());
                }
            }
            return hashes;
        }
    }
}
