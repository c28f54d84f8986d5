package org.wardnet.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.simulator.district.District;
import org.wardnet.simulator.district.DistrictGenerator;

/**
 * The soak: {@code wardnet demo} (the reference district simulated, recording in one room) in a process
 * of its own for {@code SOAK_MINUTES} (default 120), probing every {@code SOAK_PROBE_SECONDS} (default
 * 10, against 60 in production), with the {@link FaultSchedule}'s faults every ten minutes and the
 * {@link UserLoad}'s users. Every minute the server process is sampled from outside
 * ({@link ProcessSampler}); at the end the samples are written as CSV and drawn as a PNG, and each
 * quantity's trend after a ten-minute warm-up is printed with a verdict: flat when what it gained over
 * the run (the fitted slope times the run's length) stays within a bound stated with it.
 *
 * <p>Usage: {@code SoakBenchmark SERVER_JAR OUT_DIR SCRATCH_DIR}. The PNG and CSV go to OUT_DIR, the
 * demo's store to SCRATCH_DIR. Limits: one demo per machine at a time (it binds the district's 12,414
 * loopback addresses on port {@code SOAK_SIM_PORT}, default 18654).
 */
public final class SoakBenchmark {

    /** Minutes left out of the trends: the JIT, the caches and the first probe rounds settle. */
    private static final int WARM_UP_MINUTES = 10;

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        Path scratch = Files.createDirectories(Path.of(args[2]));
        int minutes = Integer.parseInt(System.getenv().getOrDefault("SOAK_MINUTES", "120"));
        int probeSeconds = Integer.parseInt(System.getenv().getOrDefault("SOAK_PROBE_SECONDS", "10"));
        String simPort = System.getenv().getOrDefault("SOAK_SIM_PORT", "18654");
        List<String> jvm = List.of(System.getenv().getOrDefault("SOAK_JVM_OPTS", "-Xms1g -Xmx1g").split("\\s+"));
        int adminPort = freeTcpPort();
        // Every port the soak's own or free: a soak can run beside a demo or another soak (on another SOAK_SIM_PORT).
        List<String> arguments = List.of("--port", "0", "--sim-port", simPort, "--admin-port",
                Integer.toString(adminPort), "--discovery-port", Integer.toString(freeUdpPort()), "--set",
                "live.rtspPort=0", "--set", "health.intervalSeconds=" + probeSeconds);
        System.out.printf("soak: %d minutes, probes every %d s, demo JVM %s; log %s%n", minutes, probeSeconds, jvm,
                out.resolve("demo.log"));
        boolean failed;
        try (DemoProcess demo = DemoProcess.start(jar, jvm, arguments, scratch.resolve("data"),
                out.resolve("demo.log"))) {
            failed = !run(demo, new SoakApi("http://127.0.0.1:" + adminPort, null), minutes, probeSeconds, out);
        }
        if (failed) {
            System.exit(1); // only after the demo is stopped: exiting inside would leave it running
        }
    }

    /** Runs the soak against the started demo; false when it failed (said on standard output). */
    private static boolean run(DemoProcess demo, SoakApi simulator, int minutes, int probeSeconds, Path out)
            throws Exception {
        SoakApi server = new SoakApi(demo.baseUrl(), demo.adminToken());
        ObjectMapper json = new ObjectMapper();
        District district = DistrictGenerator.reference();
        Set<String> spared = Set.of("room-017", demo.installerRoom());
        FaultSchedule faults = new FaultSchedule(server, simulator, district, List.copyOf(spared));
        List<String> cameras = new ArrayList<>();
        for (CameraDraft camera : district.cameras()) {
            if (!spared.contains(camera.siteId()) && camera.id().hashCode() % 13 == 0 && cameras.size() < 1_000) {
                cameras.add(camera.id());
            }
        }
        JsonNode plans = json.readTree(server.get("/api/v1/recording/plans").body()).path("items");
        ProcessSampler sampler = new ProcessSampler(demo.pid(), server);
        List<SoakSample> samples = new ArrayList<>();
        long start = System.nanoTime();
        String failure = null;
        try (UserLoad users = new UserLoad(server, cameras, plans.get(0).path("subjectId").asText());
                PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("soak.csv")))) {
            csv.println(SoakSample.csvHeader());
            for (int minute = 0; minute <= minutes; minute++) {
                long due = start + minute * 60_000_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                if (!demo.alive()) {
                    failure = "the demo process ended at minute " + minute;
                    break;
                }
                try {
                    faults.at(minute);
                    SoakSample sample = sample(minute, sampler, server, json, demo.dataDir(), users.takeMinute());
                    samples.add(sample);
                    csv.println(sample.csv());
                    csv.flush();
                    print(sample);
                } catch (IOException e) {
                    failure = "minute " + minute + ": " + e.getMessage();
                    break;
                }
            }
            System.out.printf("soak: the event stream was opened %d time(s)%n", users.streamOpenings());
            users.failures().forEach((what, f) -> System.out.printf("soak: %,d failed: %s; the first answered %s%n",
                    f.count(), what, f.first()));
        }
        List<Integer> faultMinutes = faults.actions().stream().map(FaultSchedule.Action::minute).distinct().toList();
        faults.actions().forEach(a -> System.out.printf("  fault at %3d min: %s%n", a.minute(), a.what()));
        SoakPlot.write(out.resolve("soak.png"), String.format(Locale.ROOT,
                "Wardnet soak: demo district, %d min, probes every %d s, faults every 10 min (grey lines)",
                samples.isEmpty() ? 0 : samples.get(samples.size() - 1).minute(), probeSeconds), panels(), samples,
                faultMinutes);
        System.out.println("soak: wrote " + out.resolve("soak.png") + " and " + out.resolve("soak.csv"));
        if (failure != null) {
            if (samples.size() >= 8) { // what the minutes before it showed is still evidence
                report("soak, the samples before the failure:", samples, faults.actions().size(),
                        logLines(out.resolve("demo.log")));
            }
            System.out.println("RESULT soak FAILED: " + failure);
            return false;
        }
        report("RESULT soak", samples, faults.actions().size(), logLines(out.resolve("demo.log")));
        return true;
    }

    private static SoakSample sample(int minute, ProcessSampler sampler, SoakApi server, ObjectMapper json,
            Path data, int[] requests) throws IOException, InterruptedException {
        double[] heap = sampler.heapBeforeAndAfterCollection();
        SoakApi.Answer summary = server.get("/api/v1/health/summary");
        SoakApi.Answer recording = server.get("/api/v1/recording/status");
        if (!summary.ok() || !recording.ok()) {
            throw new IOException("health summary " + summary.status() + ", recording status " + recording.status());
        }
        long segments = 0;
        for (JsonNode camera : json.readTree(recording.body()).path("cameras")) {
            segments += camera.path("segmentsIndexed").asLong();
        }
        return new SoakSample(minute, heap[1], heap[0], sampler.threads(), sampler.openFiles(), sampler.rssMb(),
                sampler.rssOutsideHeapMb(), ProcessSampler.sizeMb(data.resolve("wardnet.mv.db")),
                ProcessSampler.sizeMb(data.resolve("audit-journal")),
                ProcessSampler.sizeMb(data.resolve("recordings")),
                json.readTree(summary.body()).path("counts").path("OFFLINE").asInt(), segments, requests[0],
                requests[1], requests[2]);
    }

    private static void print(SoakSample s) {
        System.out.printf(Locale.ROOT, "  %3d min: heap %.0f MB live (%.0f before GC), threads %d, files %d,"
                + " RSS %.0f MB"
                + " (%.0f outside the heap), db %.1f MB, journal %.1f MB, recordings %.0f MB, OFFLINE %d, segments %d,"
                + " requests %d ok %d failed, events %d%n", s.minute(), s.heapLiveMb(), s.heapBeforeMb(), s.threads(),
                s.openFiles(), s.rssMb(), s.nativeMb(), s.databaseMb(), s.journalMb(), s.recordingsMb(), s.offline(),
                s.segments(), s.requestsOk(),
                s.requestsFailed(), s.events());
    }

    private static List<SoakPlot.Panel> panels() {
        return List.of(
                new SoakPlot.Panel("Heap", "MB", List.of(
                        new SoakPlot.Series("live (after full GC)", new Color(0, 90, 200), SoakSample::heapLiveMb),
                        new SoakPlot.Series("before GC", new Color(150, 190, 240), SoakSample::heapBeforeMb))),
                new SoakPlot.Panel("Resident memory", "MB", List.of(
                        new SoakPlot.Series("RSS", new Color(120, 60, 160), SoakSample::rssMb),
                        new SoakPlot.Series("outside the Java heap", new Color(200, 150, 230), SoakSample::nativeMb))),
                new SoakPlot.Panel("Threads", "count", List.of(
                        new SoakPlot.Series("threads", new Color(0, 140, 70), s -> s.threads()))),
                new SoakPlot.Panel("Open files (12,414 simulator listeners included)", "count", List.of(
                        new SoakPlot.Series("descriptors", new Color(200, 110, 0), s -> s.openFiles()))),
                new SoakPlot.Panel("Store", "MB", List.of(
                        new SoakPlot.Series("H2 file", new Color(160, 40, 40), SoakSample::databaseMb),
                        new SoakPlot.Series("audit journal", new Color(230, 150, 150), SoakSample::journalMb))),
                new SoakPlot.Panel("Recordings on disk", "MB", List.of(
                        new SoakPlot.Series("recordings", new Color(90, 90, 90), SoakSample::recordingsMb))),
                new SoakPlot.Panel("Health", "cameras / events per minute", List.of(
                        new SoakPlot.Series("OFFLINE", new Color(200, 30, 30), s -> s.offline()),
                        new SoakPlot.Series("alarm events", new Color(240, 170, 0), s -> s.events()))),
                new SoakPlot.Panel("Users' requests", "per minute", List.of(
                        new SoakPlot.Series("2xx", new Color(0, 140, 70), s -> s.requestsOk()),
                        new SoakPlot.Series("failed", new Color(200, 30, 30), s -> s.requestsFailed()))));
    }

    /** Prints, after {@code lead}, each sampled quantity's trend, the users' requests, the log's counts and the verdict. */
    private static void report(String lead, List<SoakSample> samples, int faultActions, int[] log) {
        int last = samples.get(samples.size() - 1).minute();
        int warmUp = Math.min(WARM_UP_MINUTES, last / 4); // a short trial run keeps three quarters of its samples
        double hours = (last - warmUp) / 60.0;
        StringBuilder result = new StringBuilder(String.format(Locale.ROOT,
                "%s minutes=%d fault_actions=%d (trends after a %d-minute warm-up)",
                lead, last, faultActions, warmUp));
        boolean flat = true;
        flat &= verdict(result, "heap_live_mb", samples, warmUp, SoakSample::heapLiveMb, hours, 16, 0.10);
        flat &= verdict(result, "threads", samples, warmUp, s -> s.threads(), hours, 4, 0.05);
        flat &= verdict(result, "open_files", samples, warmUp, s -> s.openFiles(), hours, 50, 0.02);
        flat &= verdict(result, "rss_outside_heap_mb", samples, warmUp, SoakSample::nativeMb, hours, 32, 0.10);
        Trend rss = Trend.of(samples, warmUp, SoakSample::rssMb);
        result.append(String.format(Locale.ROOT, "; rss_mb %.0f..%.0f, %+.1f/h (not judged: it holds the heap's pages,"
                + " which grow as the collector first touches reserved regions)", rss.min(), rss.max(), rss.perHour()));
        for (String[] store : new String[][] {{"database_mb", "db"}, {"audit_journal_mb", "journal"},
            {"recordings_mb", "recordings"}}) {
            ToDoubleFunction<SoakSample> value = store[1].equals("db") ? SoakSample::databaseMb
                    : store[1].equals("journal") ? SoakSample::journalMb : SoakSample::recordingsMb;
            Trend t = Trend.of(samples, warmUp, value);
            result.append(String.format(Locale.ROOT, "; %s %.1f..%.1f, %+.1f/h", store[0], t.min(), t.max(),
                    t.perHour()));
        }
        int ok = samples.stream().mapToInt(SoakSample::requestsOk).sum();
        int failed = samples.stream().mapToInt(SoakSample::requestsFailed).sum();
        long segments = samples.get(samples.size() - 1).segments();
        result.append(String.format(Locale.ROOT, "; users' requests %d ok, %d failed; demo log: %d ERROR lines,"
                + " %d WARN lines, %d LEAK reports; %d segments indexed by the recorders running at the end;"
                + " verdict %s",
                ok, failed, log[0], log[1],
                log[2], segments, flat && failed == 0 && log[2] == 0 ? "FLAT" : "NOT FLAT"));
        System.out.println(result);
    }

    /** Appends a quantity's trend and whether it is flat: its gain over the run within max(absolute, share). */
    private static boolean verdict(StringBuilder result, String name, List<SoakSample> samples, int warmUp,
            ToDoubleFunction<SoakSample> value, double hours, double absolute, double share) {
        Trend t = Trend.of(samples, warmUp, value);
        double bound = Math.max(absolute, share * t.first());
        boolean flat = t.perHour() * hours <= bound;
        result.append(String.format(Locale.ROOT, "; %s first quarter %.0f, last quarter %.0f, range %.0f..%.0f,"
                + " %+.1f/h, gain over the run %+.1f (bound %.0f) %s", name, t.first(), t.last(), t.min(), t.max(),
                t.perHour(), t.perHour() * hours, bound, flat ? "flat" : "GROWING"));
        return flat;
    }

    /** Counts the demo log's ERROR and WARN lines and Netty's leak reports. */
    private static int[] logLines(Path log) throws IOException {
        int[] counts = new int[3];
        for (String line : Files.readAllLines(log)) {
            counts[0] += line.contains(" ERROR ") ? 1 : 0;
            counts[1] += line.contains(" WARN ") ? 1 : 0;
            counts[2] += line.contains("LEAK:") ? 1 : 0;
        }
        return counts;
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
