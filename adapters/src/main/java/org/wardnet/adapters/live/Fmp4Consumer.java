package org.wardnet.adapters.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.wardnet.adapters.media.H264Sps;
import org.wardnet.adapters.media.VideoSize;
import org.wardnet.adapters.rtsp.SdpParser;
import org.wardnet.adapters.rtsp.SessionDescription;

/**
 * A relayed H.264 stream as fragmented MP4 for a browser's Media Source Extensions: first a text
 * message with the MIME type, then the initialisation segment, then one media segment per
 * picture, starting at a key frame. The parameter sets come from the SDP, or from the stream
 * when the SDP has none; new ones (a camera changing resolution) send a new initialisation
 * segment. Decode times count from the viewer's first picture. Pictures the viewer's connection
 * cannot take are dropped up to the next key frame, as for RTSP viewers.
 *
 * <p>Called on the upstream's event loop. Limits: H.264 only (the caller offers a sub stream or
 * refuses for other codecs); one media segment per picture (about 100 bytes of boxes each).
 */
public final class Fmp4Consumer implements LiveConsumer {

    /** Where the segments go: a WebSocket, in the server. */
    public interface Sink {
        void text(String message);

        void binary(ByteBuf segment);

        /** Whether the connection takes more now (false: its buffer is over the high-water mark). */
        boolean writable();

        void close(String reason);
    }

    private static final int DEFAULT_DURATION = 3_600; // 25 pictures a second at 90 kHz

    private final Sink sink;
    private final RelayMeters meters;
    private final H264Pictures pictures = new H264Pictures();
    private byte[] sps;
    private byte[] pps;
    private boolean initialised;
    private boolean waitForKey = true;
    private int sequence;
    private long firstTimestamp = -1;
    private long lastTimestamp;
    private long decodeTime;
    private int duration = DEFAULT_DURATION;
    private long dropped;
    private long bytes;

    /** @param sdp the relay's SDP of the stream (parameter sets are read from it when it has them) */
    public Fmp4Consumer(String sdp, Sink sink, RelayMeters meters) {
        this.sink = sink;
        this.meters = meters;
        readParameterSets(sdp);
    }

    private void readParameterSets(String sdp) {
        try {
            SessionDescription description = SdpParser.parse(sdp);
            Map<String, String> fmtp = description.firstVideo().map(SessionDescription.Media::firstFmtp).orElse(Map.of());
            String sets = fmtp.get("sprop-parameter-sets");
            if (sets != null) {
                String[] parts = sets.split(",");
                sps = Base64.getDecoder().decode(parts[0].strip());
                pps = parts.length > 1 ? Base64.getDecoder().decode(parts[1].strip()) : null;
            }
        } catch (RuntimeException e) {
            sps = null; // read from the stream instead
            pps = null;
        }
    }

    @Override
    public void frame(List<ByteBuf> packets, boolean keyFrame, long arrivalNanos) {
        try {
            if (waitForKey && !keyFrame) {
                dropped++;
                return;
            }
            if (!sink.writable()) {
                waitForKey = true;
                dropped++;
                meters.dropped.increment();
                return;
            }
            H264Pictures.Picture picture = pictures.read(packets);
            if (picture == null) {
                return;
            }
            List<byte[]> samples = new ArrayList<>(picture.nals().size());
            for (byte[] nal : picture.nals()) {
                int type = nal[0] & 0x1F;
                if (type == 7) {
                    parameterSet(nal, true);
                } else if (type == 8) {
                    parameterSet(nal, false);
                } else if (type != 9) { // access unit delimiters are not carried in MP4 samples
                    samples.add(nal);
                }
            }
            if (!initialised && !init()) {
                return; // no parameter sets yet: wait for a key frame that carries them
            }
            if (samples.isEmpty()) {
                return;
            }
            time(picture.rtpTimestamp());
            waitForKey = false;
            ByteBuf segment = Fmp4Writer.mediaSegment(ByteBufAllocator.DEFAULT, ++sequence, decodeTime, duration,
                    picture.key(), samples);
            bytes += segment.readableBytes();
            meters.bytesOut.add(segment.readableBytes());
            sink.binary(segment);
        } finally {
            packets.forEach(ReferenceCountUtil::release);
        }
    }

    private void parameterSet(byte[] nal, boolean isSps) {
        byte[] known = isSps ? sps : pps;
        if (Arrays.equals(known, nal)) {
            return;
        }
        if (isSps) {
            sps = nal;
        } else {
            pps = nal;
        }
        initialised = false; // sent again with the new set, before the next picture
    }

    private boolean init() {
        if (sps == null || pps == null || sps.length < 4) {
            return false;
        }
        VideoSize size;
        try {
            size = H264Sps.size(sps);
        } catch (RuntimeException e) { // MalformedBitstreamException, or a set cut short
            sink.close("the camera's H.264 parameter set cannot be read: " + e.getMessage());
            return false;
        }
        sink.text("{\"mime\":\"" + Fmp4Writer.mimeType(sps).replace("\"", "\\\"") + "\",\"width\":" + size.width()
                + ",\"height\":" + size.height() + "}");
        sink.binary(Fmp4Writer.initSegment(ByteBufAllocator.DEFAULT, sps, pps, size.width(), size.height()));
        initialised = true;
        return true;
    }

    /** Decode time from RTP time: differences as signed 32-bit steps, so the clock's wrap is crossed. */
    private void time(long rtpTimestamp) {
        if (firstTimestamp < 0) {
            firstTimestamp = rtpTimestamp;
            lastTimestamp = rtpTimestamp;
            decodeTime = 0;
            return;
        }
        int step = (int) (rtpTimestamp - lastTimestamp);
        if (step > 0 && step < 90_000 * 5) {
            duration = step;
            decodeTime += step;
        } else {
            decodeTime += Math.max(1, duration); // a gap or a step back: keep time moving
        }
        lastTimestamp = rtpTimestamp;
    }

    /** Pictures not sent so far (waiting for a key frame, or the connection full). */
    public long dropped() {
        return dropped;
    }

    public long bytesSent() {
        return bytes;
    }

    @Override
    public void upstreamLost(String reason) {
        waitForKey = true;
    }

    @Override
    public void streamEnded(String reason) {
        sink.close(reason);
    }
}
