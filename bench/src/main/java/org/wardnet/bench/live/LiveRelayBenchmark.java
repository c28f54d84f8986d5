package org.wardnet.bench.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.adapters.live.RelayMeters;

/**
 * The live relay against GStreamer's RTSP server relaying the same synthetic cameras ({@code wardnet
 * sim --synthetic} in another process) to the same number of viewers ({@link ViewerLoadMain}, a
 * process of its own), in one run:
 * <ul>
 *   <li>CPU per viewer at CAMERAS × PER_CAMERA viewers: each relay process's CPU time over the
 *       measured seconds, divided by the viewers receiving at its end, as a share of one core;
 *       and the ratio;</li>
 *   <li>viewer sessions held by Wardnet's relay with no picture dropped for HOLD seconds, at
 *       each of LEVELS (stops at the first level that drops, ends a session or loses one);</li>
 *   <li>the delay the relay adds (first packet of a picture in, to the picture written to each
 *       viewer's socket), from its histogram, p50 and p99 as bucket bounds;</li>
 *   <li>heap per viewer session: used heap after collections with one viewer per camera and with
 *       all of them, the difference over the added viewers (and Netty's pooled direct memory).</li>
 * </ul>
 * Usage: {@code LiveRelayBenchmark SIM_PORT CAMERAS PER_CAMERA MEASURE_SECONDS HOLD_SECONDS LEVELS GST_SCRIPT}
 */
public final class LiveRelayBenchmark {

    private LiveRelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int simPort = Integer.parseInt(args[0]);
        int cameras = Integer.parseInt(args[1]);
        int perCamera = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int hold = Integer.parseInt(args[4]);
        List<Integer> levels = new ArrayList<>();
        for (String level : args[5].split(",")) {
            levels.add(Integer.parseInt(level));
        }
        Path gstScript = Path.of(args[6]);
        int viewers = cameras * perCamera;

        double wardnetCpu;
        try (Child relay = new Child(Child.java("-Xmx2g", RelayMain.class, Integer.toString(simPort)))) {
            String base = relay.await("listening on ").substring("listening on ".length());
            try (Child load = new Child(Child.java("-Xmx1g", ViewerLoadMain.class, base, Integer.toString(cameras)))) {
                load.await("ready");
                System.out.println("wardnet: " + load.ask("open " + cameras, "opened"));
                Thread.sleep(3_000);
                long[] before = heap(relay);
                System.out.println("wardnet: " + load.ask("open " + viewers, "opened"));
                wardnetCpu = cpuPerViewer("wardnet", relay, load, viewers, seconds);
                long[] after = heap(relay);
                System.out.printf("RESULT live heap per viewer session: %.0f bytes of heap, %.0f bytes of pooled"
                        + " direct memory (%d sessions added to %d)%n", (after[0] - before[0]) / (double) (viewers - cameras),
                        (after[1] - before[1]) / (double) (viewers - cameras), viewers - cameras, cameras);
                String[] latency = relay.ask("latency", "latency").split(" ");
                long[] counts = new long[latency.length - 1];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = Long.parseLong(latency[i + 1]);
                }
                System.out.printf("RESULT live relay delay (a picture's first packet in to its write to a viewer's"
                        + " socket) p50 <= %s, p99 <= %s over %d picture deliveries%n", bound(counts, 0.50),
                        bound(counts, 0.99), java.util.Arrays.stream(counts).sum());
                int held = 0;
                for (int level : levels) {
                    String opened = load.ask("open " + level, "opened");
                    load.ask("reset", "reset");
                    Thread.sleep(hold * 1_000L);
                    String[] report = load.ask("report", "report").split(" ");
                    long receiving = Long.parseLong(report[2]);
                    long breaks = Long.parseLong(report[4]);
                    long ended = Long.parseLong(report[5]);
                    System.out.println("wardnet level " + level + ": " + opened + "; over " + hold + " s: receiving "
                            + receiving + ", packets " + report[3] + ", sequence breaks " + breaks + ", ended " + ended
                            + "; relay " + relay.ask("meters", "meters"));
                    if (receiving != level || breaks != 0 || ended != 0) {
                        break;
                    }
                    held = level;
                }
                System.out.printf("RESULT live viewers held with no picture dropped for %d s: %d (levels tried %s)%n",
                        hold, held, levels);
            }
        }
        double gstCpu;
        try (Child gst = new Child(List.of("/usr/bin/python3", gstScript.toString(), Integer.toString(simPort),
                Integer.toString(cameras)))) {
            String base = gst.await("listening on ").substring("listening on ".length());
            try (Child load = new Child(Child.java("-Xmx1g", ViewerLoadMain.class, base, Integer.toString(cameras)))) {
                load.await("ready");
                System.out.println("gstreamer: " + load.ask("open " + viewers, "opened"));
                gstCpu = cpuPerViewer("gstreamer", gst, load, viewers, seconds);
            }
        }
        System.out.printf("RESULT live CPU per viewer at %d cameras x %d viewers: Wardnet %.4f %% of a core,"
                + " GStreamer rtsp-server relay %.4f %%, ratio %.2f (target <= 0.5)%n", cameras, perCamera, wardnetCpu,
                gstCpu, wardnetCpu / gstCpu);
    }

    /** Warms up 10 s, then measures the relay's CPU over {@code seconds}; percent of a core per viewer. */
    private static double cpuPerViewer(String name, Child relay, Child load, int viewers, int seconds)
            throws Exception {
        Thread.sleep(10_000);
        load.ask("reset", "reset");
        double cpu0 = relay.cpuSeconds();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        double cpu = relay.cpuSeconds() - cpu0;
        double wall = (System.nanoTime() - t0) / 1e9;
        String[] report = load.ask("report", "report").split(" ");
        long served = Long.parseLong(report[2]); // a relay that failed some sessions is judged on those it serves
        double perViewer = 100 * cpu / wall / Math.max(1, served);
        System.out.printf("%s: %d viewers (%s receiving), %.1f s: relay CPU %.2f s (%.1f %% of a core), %.4f %% per"
                + " viewer; packets %s, sequence breaks %s, ended %s%n", name, viewers, report[2], wall, cpu,
                100 * cpu / wall, perViewer, report[3], report[4], report[5]);
        return perViewer;
    }

    private static long[] heap(Child relay) throws Exception {
        String[] heap = relay.ask("heap", "heap").split(" ");
        return new long[] {Long.parseLong(heap[1]), Long.parseLong(heap[2])};
    }

    /** The upper bound of the bucket holding the {@code quantile}. */
    private static String bound(long[] counts, double quantile) {
        long total = java.util.Arrays.stream(counts).sum();
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= quantile * total) {
                return i < RelayMeters.LATENCY_BOUNDS_MICROS.length
                        ? String.format("%.1f ms", RelayMeters.LATENCY_BOUNDS_MICROS[i] / 1000.0) : "more than 1 s";
            }
        }
        return "n/a";
    }
}
