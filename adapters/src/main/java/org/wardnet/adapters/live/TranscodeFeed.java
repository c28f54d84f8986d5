package org.wardnet.adapters.live;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.adapters.rtsp.RtspPull;
import org.wardnet.adapters.rtsp.SdpParser;
import org.wardnet.adapters.rtsp.SessionDescription;
import org.wardnet.adapters.rtsp.VideoTrack;

/**
 * A transcoded stream's feed: a consumer of the camera's H.265 stream on the same relay (so the
 * camera still serves one connection), a thread of its own that decodes and encodes each picture
 * to H.264 ({@link VideoTranscoder}), and RTP made again for the transcoded upstream. The stream
 * is described once the first IDR picture is encoded, with its parameter sets in the SDP.
 *
 * <p>Limits: H.265 in only; pictures wait in a queue of {@value #QUEUE} while the thread is busy,
 * and when it is full the pictures up to the next key frame are dropped (counted with the relay's dropped pictures); a lost camera
 * stream is a gap, not an end (the camera's upstream reconnects by itself).
 */
final class TranscodeFeed implements UpstreamFeed {

    private static final Logger LOG = LoggerFactory.getLogger(TranscodeFeed.class);
    static final int QUEUE = 32;

    private final LiveRelay relay;
    private final StreamKey from;
    private final LiveSource source;
    private final int maxHeight;

    TranscodeFeed(LiveRelay relay, StreamKey from, LiveSource source, int maxHeight) {
        this.relay = relay;
        this.from = from;
        this.source = source;
        this.maxHeight = maxHeight;
    }

    @Override
    public Runnable start(EventLoop loop, RtspPull.Listener listener) {
        Run run = new Run(loop, listener);
        run.begin();
        return run::stop;
    }

    /** One attempt: from the tap's opening to its end. */
    private final class Run implements LiveConsumer {

        private final EventLoop loop;
        private final RtspPull.Listener listener;
        private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(QUEUE);
        private final AtomicBoolean over = new AtomicBoolean();
        private final H265Pictures pictures = new H265Pictures();
        private volatile LiveTap tap;
        private volatile Thread worker;
        private byte[] parameterSets = new byte[0];
        private boolean waitForKey = true;

        Run(EventLoop loop, RtspPull.Listener listener) {
            this.loop = loop;
            this.listener = listener;
        }

        void begin() {
            try {
                tap = relay.open(from, source);
            } catch (LiveRefusal refused) {
                end(refused.getMessage());
                return;
            }
            tap.described().whenComplete((described, failed) -> {
                if (failed != null) {
                    end(failed.getCause() != null ? failed.getCause().getMessage() : failed.getMessage());
                } else if (!described.video().codec().equals("H265")) {
                    end("the stream " + from + " is " + described.video().codec() + "; only H.265 is transcoded");
                } else if (!over.get()) {
                    parameterSets = parameterSets(described.sdp());
                    Thread thread = new Thread(this::work, "live-transcode-" + from);
                    thread.setDaemon(true);
                    worker = thread;
                    thread.start();
                    tap.play(this);
                }
            });
        }

        /** Ends this attempt once: the upstream is told (it retries while it has consumers). */
        private void end(String reason) {
            if (over.compareAndSet(false, true)) {
                release();
                try {
                    loop.execute(() -> listener.ended(reason));
                } catch (RejectedExecutionException e) {
                    // the relay's loops are shutting down, and the upstream with them
                }
            }
        }

        /** Stopped by the upstream: no call to it follows. */
        void stop() {
            over.set(true);
            release();
        }

        private void release() {
            LiveTap held = tap;
            if (held != null) {
                held.close();
            }
            Thread thread = worker;
            if (thread != null) {
                thread.interrupt();
            }
        }

        /** On the camera upstream's loop: the picture as an access unit, queued for the thread. */
        @Override
        public void frame(List<ByteBuf> packets, boolean keyFrame, long arrivalNanos) {
            try {
                if (over.get() || waitForKey && !keyFrame) {
                    return;
                }
                H265Pictures.Picture picture = pictures.read(packets);
                if (picture == null) {
                    return;
                }
                if (!queue.offer(new Job(accessUnit(picture.nals(), keyFrame), picture.rtpTimestamp()))) {
                    waitForKey = true;
                    relay.meters().dropped.increment();
                    return;
                }
                waitForKey = false;
            } finally {
                packets.forEach(ByteBuf::release);
            }
        }

        private byte[] accessUnit(List<byte[]> nals, boolean keyFrame) {
            ByteArrayOutputStream unit = new ByteArrayOutputStream();
            boolean inBand = nals.stream().anyMatch(nal -> ((nal[0] >> 1) & 0x3F) == 32); // a VPS
            if (keyFrame && !inBand) {
                unit.writeBytes(parameterSets);
            }
            for (byte[] nal : nals) {
                unit.write(0);
                unit.write(0);
                unit.write(1);
                unit.writeBytes(nal);
            }
            return unit.toByteArray();
        }

        @Override
        public void upstreamLost(String reason) {
            waitForKey = true;
        }

        @Override
        public void streamEnded(String reason) {
            end("the stream " + from + " ended: " + reason);
        }

        /** The transcoding thread. */
        private void work() {
            H264Packetizer packetizer = new H264Packetizer();
            long lastTimestamp = -1;
            long unwrapped = 0;
            boolean described = false;
            try (VideoTranscoder transcoder = new VideoTranscoder(maxHeight)) {
                while (!over.get()) {
                    Job job = queue.take();
                    if (lastTimestamp >= 0) {
                        unwrapped += (int) (job.rtpTimestamp() - lastTimestamp); // a signed step crosses the wrap
                    }
                    lastTimestamp = job.rtpTimestamp();
                    for (VideoTranscoder.Encoded picture : transcoder.transcode(job.accessUnit(), unwrapped)) {
                        if (!described && picture.key()) {
                            RtspPull.PulledStream stream = describe(picture.nals());
                            loop.execute(() -> {
                                if (!over.get()) {
                                    listener.started(stream);
                                }
                            });
                            described = true;
                        }
                        if (described) {
                            List<ByteBuf> packets = packetizer.packets(picture.nals(), picture.pts());
                            loop.execute(() -> send(packets));
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("live {}: transcoding failed: {}", from, e.toString());
                end("transcoding failed: " + e.getMessage());
            }
        }

        private void send(List<ByteBuf> packets) {
            try {
                if (!over.get()) {
                    packets.forEach(listener::packet);
                }
            } finally {
                packets.forEach(ByteBuf::release);
            }
        }
    }

    private record Job(byte[] accessUnit, long rtpTimestamp) {
    }

    /** The camera's VPS, SPS and PPS from its SDP, as an Annex B prefix (empty when it sends them in band only). */
    static byte[] parameterSets(String sdp) {
        ByteArrayOutputStream sets = new ByteArrayOutputStream();
        try {
            Map<String, String> fmtp = SdpParser.parse(sdp).firstVideo().map(SessionDescription.Media::firstFmtp)
                    .orElse(Map.of());
            for (String name : List.of("sprop-vps", "sprop-sps", "sprop-pps")) {
                String value = fmtp.get(name);
                if (value != null && !value.isBlank()) {
                    for (String set : value.split(",")) {
                        sets.write(0);
                        sets.write(0);
                        sets.write(1);
                        sets.writeBytes(Base64.getDecoder().decode(set.strip()));
                    }
                }
            }
        } catch (RuntimeException e) {
            return new byte[0]; // unreadable: the decoder waits for sets in band
        }
        return sets.toByteArray();
    }

    /** The transcoded stream's SDP, from the parameter sets in front of the first IDR picture. */
    static RtspPull.PulledStream describe(List<byte[]> nals) {
        byte[] sps = null;
        byte[] pps = null;
        for (byte[] nal : nals) {
            int type = nal[0] & 0x1F;
            if (type == 7 && sps == null) {
                sps = nal;
            } else if (type == 8 && pps == null) {
                pps = nal;
            }
        }
        List<String> fmtp = new ArrayList<>(List.of("packetization-mode=1"));
        if (sps != null && sps.length >= 4) {
            fmtp.add("profile-level-id=" + HexFormat.of().formatHex(sps, 1, 4));
            if (pps != null) {
                Base64.Encoder base64 = Base64.getEncoder();
                fmtp.add("sprop-parameter-sets=" + base64.encodeToString(sps) + "," + base64.encodeToString(pps));
            }
        }
        String sdp = "v=0\r\no=- 0 0 IN IP4 0.0.0.0\r\ns=Wardnet transcode\r\nt=0 0\r\n"
                + "m=video 0 RTP/AVP " + H264Packetizer.PAYLOAD_TYPE + "\r\n"
                + "a=rtpmap:" + H264Packetizer.PAYLOAD_TYPE + " H264/90000\r\n"
                + "a=fmtp:" + H264Packetizer.PAYLOAD_TYPE + " " + String.join(";", fmtp) + "\r\n"
                + "a=control:trackID=0\r\n";
        SessionDescription description = SdpParser.parse(sdp);
        return new RtspPull.PulledStream(sdp, description, 0, VideoTrack.of(description));
    }
}
