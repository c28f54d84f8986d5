package org.wardnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.wardnet.adapters.recording.SegmentRecorder;
import org.wardnet.bench.soak.LeastSquares;
import org.wardnet.bench.soak.OutsideHeap;
import org.wardnet.core.recording.RecorderSettings;
import org.wardnet.core.recording.Segment;
import org.wardnet.core.recording.StreamRecorder;

/**
 * Whether recording leaks memory outside the Java heap: {@code RECORDERS} real recorders
 * ({@link SegmentRecorder}, FFmpeg through JavaCV) on one RTSP server's stream, cutting one-second
 * segments (each deleted once closed), for {@code SECONDS}; the stream ends with its file every
 * two minutes, so each recorder also reconnects. Every 30 s, after a full collection, it reads
 * the process's resident memory outside the Java heap ({@link OutsideHeap}, as the soak does); the
 * figure is its least-squares slope per segment closed over the checkpoints after the first minute.
 *
 * <p>Limits: resident memory, not allocations: the allocator keeps some freed memory, so a slope of
 * a few KB per segment over a few thousand segments is noise. Needs {@code jcmd} on the PATH.
 */
public final class RecorderNativeMemoryBenchmark {

    private static final Duration CHECKPOINT = Duration.ofSeconds(30);

    private RecorderNativeMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int recorders = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Path work = Files.createTempDirectory("wardnet-recorder-memory-");
        AtomicLong segments = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        StreamRecorder.Listener listener = new StreamRecorder.Listener() {
            @Override
            public void segmentClosed(Segment segment) {
                segments.incrementAndGet();
                try {
                    Files.deleteIfExists(segment.file());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void streamFailed(String cameraId, String reason, Duration backoff) {
                failures.incrementAndGet();
            }
        };
        RecorderSettings settings = new RecorderSettings(Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(10));
        List<SegmentRecorder> running = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(recorders);
        for (int i = 0; i < recorders; i++) {
            SegmentRecorder recorder = new SegmentRecorder("m" + i, url, null, null, work.resolve("m" + i), settings,
                    listener, Clock.systemUTC());
            running.add(recorder);
            threads.execute(recorder);
        }
        OutsideHeap memory = new OutsideHeap(ProcessHandle.current().pid());
        List<double[]> points = new ArrayList<>(); // {segments, MB outside the heap}
        long started = System.nanoTime();
        try {
            for (long at = CHECKPOINT.toSeconds(); at <= seconds; at += CHECKPOINT.toSeconds()) {
                Thread.sleep(Math.max(0, started / 1_000_000 + at * 1000 - System.nanoTime() / 1_000_000));
                System.gc();
                double outside = memory.megabytes();
                long closed = segments.get();
                System.out.printf("  t=%ds segments %d, reconnections %d, outside the heap %.1f MB%n", at, closed,
                        failures.get(), outside);
                if (at > 60) {
                    points.add(new double[] {closed, outside});
                }
            }
        } finally {
            running.forEach(SegmentRecorder::stop);
            threads.shutdown();
            threads.awaitTermination(30, TimeUnit.SECONDS);
            DistrictClips.delete(work);
        }
        if (points.size() < 2) {
            throw new IllegalStateException("too short a run for a slope: give at least 120 seconds");
        }
        double[] first = points.get(0);
        double[] last = points.get(points.size() - 1);
        System.out.printf("RESULT recorder memory outside the heap, %d recorders, %d s: %.0f segments closed and %d"
                + " reconnections after the first minute; %.1f -> %.1f MB, %.2f KB per segment (least squares over"
                + " %d checkpoints)%n", recorders, seconds, last[0] - first[0], failures.get(), first[1], last[1],
                LeastSquares.slope(points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray()) * 1024, points.size());
    }

}
