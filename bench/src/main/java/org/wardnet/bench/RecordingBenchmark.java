package org.wardnet.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.wardnet.adapters.recording.SegmentRecorder;
import org.wardnet.core.recording.RecorderSettings;
import org.wardnet.core.recording.Segment;

/**
 * Recording cost: N synthetic cameras (served by {@code wardnet sim --synthetic N} in another
 * process, 127.2.x.y, admin/pw) recorded for S seconds by Wardnet's recorder in this process, then
 * the same N streams for the same time by N {@code ffmpeg -c copy -f segment} processes. CPU is the
 * recording processes' own (this JVM's process CPU time less what it used before the recorders
 * started; the sum of the ffmpeg processes' user and system time from /proc), per stream, as a
 * share of one core over the measured time, and the ratio Wardnet / ffmpeg.
 *
 * <p>Usage: {@code RecordingBenchmark SIM_PORT CAMERAS SECONDS}
 */
public final class RecordingBenchmark {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int cameras = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("wardnet-record-bench-");
        try {
            double wardnet = wardnet(dir.resolve("wardnet"), port, cameras, seconds);
            double ffmpeg = ffmpeg(dir.resolve("ffmpeg"), port, cameras, seconds);
            System.out.printf("RESULT recording %d streams for %d s: Wardnet %.2f %% of a core per stream,"
                    + " ffmpeg -c copy -f segment %.2f %%, ratio %.2f%n", cameras, seconds, wardnet, ffmpeg,
                    wardnet / ffmpeg);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String url(int camera, int port) {
        return "rtsp://127.2." + (camera / 250) + "." + (camera % 250 + 1) + ":" + port + "/stream";
    }

    private static double wardnet(Path dir, int port, int cameras, int seconds) throws Exception {
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong segments = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        List<SegmentRecorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        RecorderSettings settings = new RecorderSettings(Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
        long startedAt = System.nanoTime();
        for (int c = 0; c < cameras; c++) {
            SegmentRecorder recorder = new SegmentRecorder("bench-" + c, url(c, port), "admin", "pw",
                    dir.resolve("bench-" + c), settings, new SegmentRecorder.Listener() {
                        @Override
                        public void segmentClosed(Segment segment) {
                            segments.incrementAndGet();
                            bytes.addAndGet(segment.bytes());
                        }
                    }, Clock.systemUTC());
            Thread thread = new Thread(recorder, "bench-recorder-" + c);
            thread.start();
            recorders.add(recorder);
            threads.add(thread);
        }
        // Connections: the time until every recorder has its first packet. The recorders open their
        // streams with startUnsafe; were the opens serialised by FFmpeg's start lock, this would grow
        // with the number of cameras times one connection's set-up.
        long firstMillis = -1;
        long connectMillis = -1;
        while (connectMillis < 0 && System.nanoTime() - startedAt < 30_000_000_000L) {
            long delivering = recorders.stream().filter(r -> r.counters().packets() > 0).count();
            long now = (System.nanoTime() - startedAt) / 1_000_000;
            if (delivering > 0 && firstMillis < 0) {
                firstMillis = now;
            }
            if (delivering == cameras) {
                connectMillis = now;
            }
            Thread.sleep(5);
        }
        System.out.printf("  wardnet: first stream delivering after %d ms, all %d after %d ms%n", firstMillis, cameras,
                connectMillis);
        Thread.sleep(Math.max(0, 5_000 - (System.nanoTime() - startedAt) / 1_000_000));
        long packetsBefore = recorders.stream().mapToLong(r -> r.counters().packets()).sum();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        long packets = recorders.stream().mapToLong(r -> r.counters().packets()).sum() - packetsBefore;
        recorders.forEach(SegmentRecorder::stop);
        for (Thread thread : threads) {
            thread.join(20_000);
        }
        long drops = recorders.stream().mapToLong(r -> r.counters().droppedNonIncreasing()
                + r.counters().droppedWithoutTimestamp()).sum();
        System.out.printf("  wardnet: %d packets in the measured %d s (%.0f per stream per second), %d segments"
                + " (%,d bytes), %d timestamp drops%n", packets, seconds, packets / (wall / 1e9) / cameras, segments.get(),
                bytes.get(), drops);
        return 100.0 * cpu / wall / cameras;
    }

    private static double ffmpeg(Path dir, int port, int cameras, int seconds) throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int c = 0; c < cameras; c++) {
            Path out = Files.createDirectories(dir.resolve("cam-" + c));
            processes.add(new ProcessBuilder("ffmpeg", "-loglevel", "error", "-nostdin", "-rtsp_transport", "tcp",
                    "-i", url(c, port).replace("rtsp://", "rtsp://admin:pw@"), "-map", "0:v", "-c", "copy", "-f",
                    "segment", "-segment_time", "60", "-segment_format", "mp4", "-reset_timestamps", "1",
                    out.resolve("%05d.mp4").toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        Thread.sleep(5_000);
        long before = cpuTicks(processes);
        long wallBefore = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long ticks = cpuTicks(processes) - before;
        long wall = System.nanoTime() - wallBefore;
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            p.waitFor();
        }
        long hz = 100; // USER_HZ on Linux
        long alive = processes.stream().filter(p -> p.exitValue() == 255 || p.exitValue() == 0 || p.exitValue() == 143)
                .count();
        System.out.printf("  ffmpeg: %d processes, %d ended as stopped%n", processes.size(), alive);
        return 100.0 * (ticks * 1e9 / hz) / wall / cameras;
    }

    /** User plus system clock ticks of the processes, from /proc/PID/stat. */
    private static long cpuTicks(List<Process> processes) throws Exception {
        long total = 0;
        for (Process p : processes) {
            Path stat = Path.of("/proc/" + p.pid() + "/stat");
            if (!Files.exists(stat)) {
                continue;
            }
            String text = Files.readString(stat, StandardCharsets.US_ASCII);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        }
        return total;
    }
}
