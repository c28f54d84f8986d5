package org.wardnet.adapters.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.adapters.peers.Peers;
import org.wardnet.core.clips.MediaFile;
import org.wardnet.core.clips.MediaFiles;
import org.wardnet.core.clips.OpenSegments;
import org.wardnet.core.recording.RecorderSettings;
import org.wardnet.core.recording.Segment;
import org.wardnet.core.recording.StreamRecorder;

/**
 * The recorder against GStreamer's RTSP server (Digest authentication), read back by FFmpeg and
 * by Debian's ffprobe: segments cut on key frames at the segment length, contiguous, playable,
 * hashed; and a stream that ends is reconnected.
 */
class SegmentRecorderTest {

    /** Two-second segments; the recorder's other timeouts short, for a test. */
    private static final RecorderSettings SETTINGS = new RecorderSettings(Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofMillis(200), Duration.ofSeconds(1));

    @TempDir
    Path dir;

    /** A recorder run on a thread of its own until a condition holds (checked every 0.1 s, at most
     * {@code tenths} times), then stopped. */
    private static final class Recording {
        final List<Segment> segments = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        /** Per closed segment: whether its open marker was there when it was handed over to be indexed. */
        final List<Boolean> markedWhenClosed = new CopyOnWriteArrayList<>();
        SegmentRecorder recorder;
        boolean stopped;

        static Recording until(Predicate<Recording> done, int tenths,
                Function<StreamRecorder.Listener, SegmentRecorder> recorderFor) throws InterruptedException {
            Recording run = new Recording();
            run.recorder = recorderFor.apply(new StreamRecorder.Listener() {
                @Override
                public void segmentClosed(Segment segment) {
                    run.markedWhenClosed.add(Files.exists(OpenSegments.markerOf(segment.file())));
                    run.segments.add(segment);
                }

                @Override
                public void streamFailed(String cameraId, String reason, Duration backoff) {
                    run.failures.add(reason);
                }
            });
            Thread thread = new Thread(run.recorder, "recorder-test");
            thread.start();
            for (int i = 0; i < tenths && !done.test(run); i++) {
                Thread.sleep(100);
            }
            run.recorder.stop();
            thread.join(TimeUnit.SECONDS.toMillis(15));
            run.stopped = !thread.isAlive();
            return run;
        }
    }

    @Test
    void recordsPlayableContiguousSegmentsAndReconnects() throws Exception {
        Path clip = Peers.clip(dir, "640x360", 5);
        Recording run;
        try (Peers.GstServer server = Peers.gstreamer(clip, "admin", "s3cret", "digest")) {
            // The 5 s clip ends, GStreamer ends the stream, the recorder reconnects and records it again.
            run = Recording.until(r -> r.segments.size() >= 4 && r.recorder.counters().reconnects() >= 1, 300,
                    listener -> new SegmentRecorder("cam-1", server.url(), "admin", "s3cret",
                            dir.resolve("recordings/cam-1"), SETTINGS, listener, Clock.systemUTC()));
            assertTrue(run.stopped, "the recorder stops");
            assertTrue(run.recorder.counters().reconnects() >= 1, "reconnected after the end: " + run.failures);
        }
        List<Segment> segments = run.segments;
        assertTrue(segments.size() >= 4, "segments: " + segments);
        for (Segment segment : segments) {
            MediaFile media = MediaProbe.probe(segment.file());
            assertEquals("H264", media.codec());
            assertEquals(640, media.width());
            assertEquals(360, media.height());
            assertEquals("H264", segment.codec());
            assertTrue(segment.keyFrames() >= 1, segment.toString());
            assertEquals(MediaProbe.sha256(segment.file()), segment.sha256());
            long millis = Duration.between(segment.start(), segment.end()).toMillis();
            assertTrue(Math.abs(media.durationMillis() - millis) <= 120, "index and file agree: " + media + " vs "
                    + millis);
            String probed = Peers.run(List.of("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width",
                    "-of", "csv=p=0", segment.file().toString()));
            assertEquals("h264,640", probed.strip());
        }
        Segment first = segments.get(0);
        long firstMillis = Duration.between(first.start(), first.end()).toMillis();
        assertTrue(firstMillis >= 1_900 && firstMillis <= 2_200, "cut at the first key frame after 2 s: " + firstMillis);
        Segment second = segments.get(1);
        assertTrue(Duration.between(first.end(), second.start()).abs().toMillis() <= 50,
                "segments of one connection are contiguous: " + first.end() + " / " + second.start());

        // An export across the two segments' boundary, read back by ffprobe
        Path cut = dir.resolve("cut.mp4");
        MediaFiles.Cut result = ClipExport.export(List.of(new MediaFiles.Source(first.file(), first.start()),
                new MediaFiles.Source(second.file(), second.start())), first.start().plusMillis(1_300),
                second.start().plusMillis(1_000), cut);
        assertTrue(result.packets() > 25, result.toString());
        String duration = Peers.run(List.of("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                "csv=p=0", cut.toString())).strip();
        double expected = Duration.between(result.first(), second.start().plusMillis(1_000)).toMillis() / 1000.0;
        assertTrue(Math.abs(Double.parseDouble(duration) - expected) < 0.2, duration + " s, expected about " + expected);
        assertTrue(!result.first().isAfter(first.start().plusMillis(1_300)), "starts on the key frame before the window");
    }

    /**
     * FFmpeg names the URL it could not open, and the recorder opens it with the user name and
     * password in it: the failure the recorder reports (status, history, log) must not carry them.
     */
    @Test
    void aFailureReportedNeverCarriesThePassword() throws Exception {
        Path clip = Peers.clip(dir, "320x240", 2);
        String wrong = "wrong-Pass-7Qx";
        List<String> failures;
        try (Peers.GstServer server = Peers.gstreamer(clip, "admin", "s3cret", "digest")) {
            failures = Recording.until(r -> r.failures.size() >= 2, 150, listener -> new SegmentRecorder("cam-2",
                    server.url(), "admin", wrong, dir.resolve("recordings/cam-2"), new RecorderSettings(
                            Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(100),
                            Duration.ofMillis(200)),
                    listener, Clock.systemUTC())).failures;
        }
        assertTrue(failures.size() >= 2, "the wrong password fails, again and again: " + failures);
        for (String failure : failures) {
            assertTrue(!failure.contains(wrong) && !failure.contains("admin:"), "no credentials in: " + failure);
        }
        assertTrue(failures.get(0).contains("rtsp://127.0.0.1:"), "the URL is still named, without user information: "
                + failures.get(0));
    }

    /**
     * After the wall clock is stepped back, a new session's segments start at times already
     * recorded: a segment whose name is taken (an indexed file) must not be overwritten.
     */
    @Test
    void aSegmentNeverOverwritesAnEarlierFileOfTheSameName() throws Exception {
        Path clip = Peers.clip(dir, "320x240", 4);
        Instant stepped = Instant.parse("2026-12-06T05:00:00Z");
        Path cameraDir = Files.createDirectories(dir.resolve("recordings/cam-3"));
        Path earlier = cameraDir.resolve("20261206T050000.000Z.mp4");
        Files.writeString(earlier, "footage recorded before the clock was stepped back");
        Recording run;
        try (Peers.GstServer server = Peers.gstreamer(clip, "admin", "s3cret", "digest")) {
            run = Recording.until(r -> !r.segments.isEmpty(), 150, listener -> new SegmentRecorder("cam-3",
                    server.url(), "admin", "s3cret", cameraDir, SETTINGS, listener,
                    Clock.fixed(stepped, ZoneOffset.UTC)));
        }
        List<Segment> segments = run.segments;
        // Marked open until indexed, so a crash after a clock step still leaves it named for recovery.
        assertTrue(run.markedWhenClosed.stream().allMatch(marked -> marked), run.markedWhenClosed.toString());
        try (var left = Files.list(cameraDir)) {
            assertEquals(List.of(), left.filter(f -> f.toString().endsWith(OpenSegments.SUFFIX)).toList(),
                    "no marker outlives its segment's row");
        }
        assertTrue(!segments.isEmpty(), "a segment was recorded");
        assertEquals(stepped, segments.get(0).start());
        assertEquals("20261206T050000.000Z-2.mp4", segments.get(0).file().getFileName().toString());
        assertEquals("footage recorded before the clock was stepped back", Files.readString(earlier),
                "the earlier file is untouched");
        assertEquals("H264", MediaProbe.probe(segments.get(0).file()).codec());
    }
}
