package org.wardnet.adapters.recording;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.wardnet.core.Ticker;
import org.wardnet.core.clips.OpenSegments;
import org.wardnet.core.recording.RecorderSettings;
import org.wardnet.core.recording.RecorderStats;
import org.wardnet.core.recording.Segment;
import org.wardnet.core.recording.StreamRecorder;

/**
 * Records one camera's RTSP stream (over TCP) into fragmented MP4 segments by remuxing, without
 * decoding or encoding. A segment is cut at the first key frame after the segment length and each
 * starts on a key frame; fragments end at key frames, so a file cut short by a crash plays up to
 * its last complete fragment. Packets before the first key frame, without a decoding time, or not
 * advancing it are dropped and counted. A failed or stalled stream (no data for the I/O timeout),
 * or one without a key frame for the key frame timeout, closes the open segment and reconnects
 * with a doubling backoff.
 *
 * <p>{@link #run} blocks its thread until {@link #stop}; run each recorder on a thread of its own
 * from a bounded pool, never on an event loop. The stream is opened with
 * {@code FFmpegFrameGrabber.startUnsafe}: the safe {@code start} holds one lock across every
 * grabber in the process while it connects, which made many cameras starting together connect one
 * after another; the lock guards decoder setup, which remuxing does not do concurrently with
 * anything it protects. Video only: audio tracks are not recorded.
 */
public final class SegmentRecorder implements StreamRecorder {


    private static final DateTimeFormatter FILE_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    static {
        // FFmpeg writes its errors to stderr once per attempt (a camera refusing credentials every
        // reconnect); each failure already reaches us as an exception, counted and logged once.
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    private final String cameraId;
    private final String url;
    private final Path directory;
    private final RecorderSettings settings;
    private final Listener listener;
    private final Clock clock;
    private final Ticker ticker = Ticker.system();
    private final RecorderCounters counters = new RecorderCounters();
    private volatile boolean stopped;
    private volatile FFmpegFrameGrabber grabber;

    /**
     * @param url       rtsp:// URL without credentials
     * @param directory where this camera's segments go (created when missing)
     */
    public SegmentRecorder(String cameraId, String url, String username, String password, Path directory,
            RecorderSettings settings, Listener listener, Clock clock) {
        this.cameraId = cameraId;
        this.url = withCredentials(url, username, password);
        this.directory = directory;
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public RecorderStats stats() {
        return new RecorderStats(counters.packets(), counters.droppedBeforeKeyFrame(), counters.droppedWithoutTimestamp(),
                counters.droppedNonIncreasing(), counters.segments(), counters.reconnects(), counters.stalls(),
                counters.keyFrameTimeouts());
    }

    public RecorderCounters counters() {
        return counters;
    }

    @Override
    public String cameraId() {
        return cameraId;
    }

    /** Stops at the next packet (or at once, when blocked reading): the open segment is closed and indexed. */
    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        Duration backoff = settings.firstBackoff();
        while (!stopped) {
            String failure;
            try {
                session();
                failure = "the stream ended";
            } catch (IOException | RuntimeException e) {
                failure = FfmpegErrors.explained(UrlCredentials.removedFrom(
                        e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            if (stopped) {
                break;
            }
            if (sessionRecorded) {
                backoff = settings.firstBackoff(); // that session worked for a while: start the backoff over
            }
            counters.reconnects.incrementAndGet();
            listener.streamFailed(cameraId, failure, backoff);
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    /** Whether the last session wrote any packet; only then does the backoff start over. Recorder thread only. */
    private boolean sessionRecorded;

    /** One connection: records until the stream fails or stop is asked. */
    private void session() throws IOException {
        sessionRecorded = false;
        FFmpegFrameGrabber source = new FFmpegFrameGrabber(url);
        source.setFormat("rtsp");
        source.setOption("rtsp_transport", "tcp");
        source.setOption("timeout", Long.toString(settings.ioTimeout().toNanos() / 1000)); // socket I/O, microseconds
        source.setOption("fflags", "+genpts");
        grabber = source;
        Open open = null;
        try {
            source.startUnsafe();
            int video = videoStream(source);
            AVStream stream = source.getFormatContext().streams(video);
            long timeBaseNum = stream.time_base().num();
            long timeBaseDen = stream.time_base().den();
            long lastDts = Long.MIN_VALUE;
            Instant anchorTime = null;
            long anchorDts = 0;
            Instant lastKeyAt = null;
            long sessionStart = ticker.nanos(); // a stepped wall clock must not time the session out, nor keep it alive
            while (!stopped) {
                AVPacket packet = source.grabPacket();
                if (packet == null) {
                    if (!stopped) {
                        counters.stalls.incrementAndGet();
                    }
                    break;
                }
                counters.packets.incrementAndGet();
                if (packet.stream_index() != video) {
                    avcodec.av_packet_unref(packet);
                    continue;
                }
                long dts = packet.dts();
                boolean key = (packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0;
                PacketRule rule = PacketRule.judge(dts, key, open != null, lastDts);
                if (rule != PacketRule.KEEP) {
                    counters.dropped(rule);
                    avcodec.av_packet_unref(packet);
                    if (rule == PacketRule.BEFORE_KEY_FRAME
                            && Duration.ofNanos(ticker.nanos() - sessionStart).compareTo(settings.keyFrameTimeout()) > 0) {
                        counters.keyFrameTimeouts.incrementAndGet();
                        throw new IOException("no usable key frame in " + settings.keyFrameTimeout().toSeconds()
                                + " s since the session started; restarting it");
                    }
                    continue;
                }
                if (anchorTime == null) {
                    anchorTime = clock.instant();
                    anchorDts = dts;
                }
                Instant at = anchorTime.plusNanos(rescaleNanos(dts - anchorDts, timeBaseNum, timeBaseDen));
                if (key) {
                    lastKeyAt = at;
                } else if (lastKeyAt != null
                        && Duration.between(lastKeyAt, at).compareTo(settings.keyFrameTimeout()) > 0) {
                    counters.keyFrameTimeouts.incrementAndGet();
                    avcodec.av_packet_unref(packet);
                    throw new IOException("no key frame for " + settings.keyFrameTimeout().toSeconds()
                            + " s; restarting the session");
                }
                if (open != null && key && Duration.between(open.start, at).compareTo(settings.segment()) >= 0) {
                    close(open, at);
                    open = null;
                }
                if (open == null) {
                    open = open(source, at, dts);
                }
                long pts = packet.pts() == avutil.AV_NOPTS_VALUE ? dts : packet.pts();
                packet.dts(dts - open.firstDts);
                packet.pts(pts - open.firstDts);
                open.end = anchorTime.plusNanos(rescaleNanos(dts - anchorDts + Math.max(1, packet.duration()),
                        timeBaseNum, timeBaseDen));
                if (key) {
                    open.keyFrames++;
                }
                lastDts = dts;
                open.recorder.recordPacket(packet); // unrefs the packet
                sessionRecorded = true;
            }
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            if (open != null) {
                close(open, open.end);
            }
            try {
                source.stop();
                source.release();
            } catch (FrameGrabber.Exception ignored) {
                // the connection is going away anyway
            }
            grabber = null;
        }
    }

    private static int videoStream(FFmpegFrameGrabber source) throws IOException {
        for (int i = 0; i < source.getFormatContext().nb_streams(); i++) {
            if (source.getFormatContext().streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                return i;
            }
        }
        throw new IOException("the stream has no video track");
    }

    private static long rescaleNanos(long ticks, long num, long den) {
        return avutil.av_rescale(ticks, num * 1_000_000_000L, den);
    }

    /** A segment being written. */
    private static final class Open {
        final FFmpegFrameRecorder recorder;
        final Path file;
        final Instant start;
        final long firstDts;
        final String codec;
        final int width;
        final int height;
        Instant end;
        int keyFrames;

        Open(FFmpegFrameRecorder recorder, Path file, Instant start, long firstDts, String codec, int width, int height) {
            this.recorder = recorder;
            this.file = file;
            this.start = start;
            this.end = start;
            this.firstDts = firstDts;
            this.codec = codec;
            this.width = width;
            this.height = height;
        }
    }

    private Open open(FFmpegFrameGrabber source, Instant start, long firstDts) throws IOException {
        Files.createDirectories(directory);
        Path file = freeName(start);
        // Made before the segment: a crash at any point leaves the segment named for recovery.
        Path marker = OpenSegments.markerOf(file);
        Files.deleteIfExists(marker);
        Files.createFile(marker);
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), source.getImageWidth(),
                source.getImageHeight(), 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(source.getVideoCodec());
        // Fragments at key frames with the index up front: a file cut short stays playable.
        recorder.setOption("movflags", "frag_keyframe+empty_moov+default_base_moof");
        // Each fragment goes to the file as soon as it is complete, not when an I/O buffer fills:
        // a crash loses at most the fragment being written (one key frame interval).
        recorder.setOption("flush_packets", "1");
        try {
            recorder.start(source.getFormatContext());
        } catch (FrameRecorder.Exception e) {
            Files.deleteIfExists(marker); // nothing was recorded into it
            throw new IOException("cannot open segment " + file + ": " + e.getMessage(), e);
        }
        String codec = source.getVideoCodecName();
        return new Open(recorder, file, start, firstDts,
                codec == null ? null : codec.toUpperCase(Locale.ROOT), source.getImageWidth(), source.getImageHeight());
    }

    /**
     * The segment's file, named by its start; never one that exists. After the wall clock is stepped
     * back, a new session's segments start at times already recorded, and a name taken could be an
     * indexed segment that FFmpeg would overwrite. The later one gets a suffix instead.
     */
    private Path freeName(Instant start) {
        String name = FILE_NAME.format(start);
        Path file = directory.resolve(name + ".mp4");
        for (int n = 2; Files.exists(file, LinkOption.NOFOLLOW_LINKS); n++) {
            file = directory.resolve(name + "-" + n + ".mp4");
        }
        return file;
    }

    private void close(Open open, Instant end) {
        try {
            open.recorder.stop();
            open.recorder.release();
        } catch (FrameRecorder.Exception e) {
            // The end did not reach the file (a full disk, say): index only what FFmpeg can read back.
            listener.streamFailed(cameraId, "closing " + open.file.getFileName() + ": " + e.getMessage(), Duration.ZERO);
            try {
                open.recorder.release();
            } catch (FrameRecorder.Exception ignored) {
                // already failing
            }
            try {
                long readable = MediaProbe.probe(open.file).durationMillis();
                Instant readableEnd = open.start.plusMillis(readable);
                end = readableEnd.isBefore(end) ? readableEnd : end;
            } catch (IOException unreadable) {
                listener.streamFailed(cameraId, "segment " + open.file.getFileName()
                        + " is unreadable; left for recovery at the next start", Duration.ZERO);
                return;
            }
        }
        try {
            long bytes = Files.size(open.file);
            String sha = MediaProbe.sha256(open.file);
            counters.segments.incrementAndGet();
            if (end.isAfter(open.start)) {
                listener.segmentClosed(new Segment(cameraId, open.file, open.start, end, bytes, open.codec, open.width,
                        open.height, open.keyFrames, sha));
            }
            Files.deleteIfExists(OpenSegments.markerOf(open.file)); // indexed (or empty): nothing left to recover
        } catch (IOException e) {
            listener.streamFailed(cameraId, "reading segment " + open.file.getFileName() + ": " + e.getMessage(),
                    Duration.ZERO);
        }
    }

    private void sleep(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (!stopped && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }

    private static String withCredentials(String url, String username, String password) {
        if (username == null || username.isEmpty()) {
            return url;
        }
        URI uri = URI.create(url);
        String user = URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
        String pass = password == null ? "" : URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
        return uri.getScheme() + "://" + user + ":" + pass + "@" + uri.getRawAuthority() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

}
