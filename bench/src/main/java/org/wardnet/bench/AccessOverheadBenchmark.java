package org.wardnet.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.server.WardnetServer;
import org.wardnet.simulator.district.District;
import org.wardnet.simulator.district.DistrictFiles;
import org.wardnet.simulator.district.DistrictGenerator;

/**
 * What authorisation and the audit trail cost the API: the same server twice in one JVM, the
 * reference district loaded into each, one with its guards (bearer token, role and scope checks,
 * audit entries) and one without ({@link WardnetServer.Guards#NONE_FOR_MEASUREMENT}). {@code wrk
 * -t2 -c64} drives each in turn, alternating for {@code ROUNDS} rounds of {@code WRK_SECONDS}:
 * the foundation benchmark's {@code GET /api/v1/cameras/{id}} over 1,000 ids (checked, not
 * audited), and {@code GET /api/v1/clips?camera=...} over the same ids (a footage read, so each
 * request is also appended to the audit trail before it is answered). The guarded server's rate
 * counts the time its audit journal then takes to be all in the database. Medians are reported
 * with the ratio guarded / unguarded; the target is a ratio of at least 0.90. CPU per
 * request is reported too ({@link CpuUse}: this JVM's, which holds both servers but serves one run
 * at a time, and the whole machine's), medians of the rounds: steadier than the rates on a shared
 * machine, and it says what the guards cost rather than what the load generator could reach.
 */
public final class AccessOverheadBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private AccessOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("WRK_SECONDS", "10"));
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "3"));
        District district = DistrictGenerator.reference();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < district.cameras().size() && ids.size() < 1_000; i += 12) {
            ids.add(district.cameras().get(i).id());
        }
        Path work = Files.createTempDirectory("wardnet-access-bench-");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        try (WardnetServer guarded = start(work.resolve("guarded"), WardnetServer.Guards.ENFORCED);
                WardnetServer open = start(work.resolve("open"), WardnetServer.Guards.NONE_FOR_MEASUREMENT)) {
            String token = BenchAccess.login(HTTP, guarded.baseUrl());
            for (WardnetServer server : List.of(guarded, open)) {
                load(server, district, ids, hour, token);
            }
            Path cameras = script(work.resolve("cameras.lua"), ids, id -> "/api/v1/cameras/" + id);
            Path clips = script(work.resolve("clips.lua"), ids, id -> "/api/v1/clips?camera=" + id + "&from=" + hour
                    + "&to=" + hour.plus(1, ChronoUnit.HOURS));
            Map<String, List<double[]>> results = new TreeMap<>();
            String[] names = {"camera GET, open", "camera GET, guarded", "clip list, open", "clip list, guarded"};
            String[][] runs = {{open.baseUrl(), cameras.toString(), null}, {guarded.baseUrl(), cameras.toString(), token},
                {open.baseUrl(), clips.toString(), null}, {guarded.baseUrl(), clips.toString(), token}};
            for (String[] run : runs) {
                wrk(run[0], run[1], run[2], 5); // warm-up of each
                if (run[2] != null) {
                    withCatchUp(new double[] {0, 0}, 5, guarded.baseUrl(), token);
                }
            }
            for (int round = 1; round <= rounds; round++) {
                StringBuilder line = new StringBuilder("  round " + round + ":");
                for (int i = 0; i < runs.length; i++) {
                    CpuUse.Mark start = CpuUse.now();
                    double[] measured = wrk(runs[i][0], runs[i][1], runs[i][2], seconds);
                    double requests = measured[0] * seconds;
                    if (runs[i][2] != null) {
                        measured = withCatchUp(measured, seconds, guarded.baseUrl(), token);
                    }
                    double[] cpu = CpuUse.now().perUnitSince(start, requests);
                    measured = new double[] {measured[0], measured[1], cpu[0], cpu[1]};
                    results.computeIfAbsent(names[i], k -> new ArrayList<>()).add(measured);
                    line.append(String.format(" %s %.0f req/s p99 %.2f ms;", names[i], measured[0], measured[1]));
                }
                System.out.println(line);
            }
            report("camera GET (checked, not audited)", results.get(names[0]), results.get(names[1]));
            report("clip list (checked and audited)", results.get(names[2]), results.get(names[3]));
        } finally {
            DistrictClips.delete(work);
        }
    }

    private static WardnetServer start(Path data, WardnetServer.Guards guards) throws Exception {
        WardnetConfig config = BenchAccess.withAdmin(WardnetConfig.defaults().with(WardnetKeys.SERVER_PORT, 0).with(org.wardnet.config.LiveKeys.LIVE_RTSP_PORT, 0)
                .with(WardnetKeys.STORE_DATA_DIR, data.toString()).with(WardnetKeys.HEALTH_ENABLED, false)
                .with(WardnetKeys.RECORDING_ENABLED, false)
                .with(WardnetKeys.STORE_AUDIT_JOURNAL_SYNC, System.getenv().getOrDefault("AUDIT_SYNC", "PERIODIC")));
        return WardnetServer.start(config, guards);
    }

    /** Sites and cameras through the registry, and one one-hour edge clip per sampled camera. */
    private static void load(WardnetServer server, District district, List<String> ids, Instant hour, String token)
            throws Exception {
        for (SiteDraft site : district.sites()) {
            server.registry().createSite(site);
        }
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/api/v1/cameras/import?atomic=true")).header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(DistrictFiles.camerasCsv(district))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("import answered " + imported.statusCode() + ": " + imported.body());
        }
        List<Clip> clips = new ArrayList<>();
        for (String id : ids) {
            clips.add(new Clip(0, id, hour, hour.plus(1, ChronoUnit.HOURS), "http://127.3.0.1/record/" + id + ".mp4",
                    null, "H264", 1920, 1080, null, null, ClipOrigin.INGESTED));
        }
        server.clips().add(clips);
    }

    private static Path script(Path file, List<String> ids, Function<String, String> path)
            throws Exception {
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (String id : ids) {
            lua.append("\"").append(path.apply(id)).append("\",\n");
        }
        lua.append("}\nlocal i = 0\nrequest = function() i = i % #paths + 1; return wrk.format(\"GET\", paths[i]) end\n");
        Files.writeString(file, lua.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** Runs wrk; requests per second and p99 in ms. Fails on any answer that is not 2xx or 3xx. */
    private static double[] wrk(String base, String script, String token, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c64", "-d" + seconds + "s", "--latency", "-s",
                script));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(base);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0 || out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk against " + base + " failed or got errors:\n" + out);
        }
        double rps = 0;
        double p99 = 0;
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && f[0].equals("Requests/sec:")) {
                rps = Double.parseDouble(f[1]);
            } else if (f.length >= 2 && f[0].equals("99%")) {
                p99 = millis(f[1]);
            }
        }
        return new double[] {rps, p99};
    }

    /**
     * The guarded server's audit entries are journaled before their answers and stored into the
     * database after: work a run can leave behind. One read of the trail waits until the database
     * holds them all (a reader hurries the indexer, so this is the indexing left to do, not the
     * indexer's idle delay); its time is counted into this run's rate, so the next run, on either
     * server, does not pay for it, and printed when it took any. p99 is wrk's, unchanged.
     */
    private static double[] withCatchUp(double[] measured, int seconds, String base, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audit?limit=1"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (read.statusCode() != 200) {
            throw new IllegalStateException("the audit trail read answered " + read.statusCode() + ": " + read.body());
        }
        double catchUp = (System.nanoTime() - start) / 1e9;
        if (unindexed(base, token) > 1) { // the read's own entry may wait; nothing before it may
            throw new IllegalStateException("the audit trail's read answered before its database held the run's entries");
        }
        if (catchUp > 0.05 && measured[0] > 0) {
            System.out.printf("  (guarded: %.2f s after the run until its audit entries were all in the database)%n",
                    catchUp);
        }
        return new double[] {measured[0] * seconds / (seconds + catchUp), measured[1]};
    }

    /** The server's {@code wardnet_audit_unindexed_entries} gauge (0 when it has none: no journal). */
    private static long unindexed(String base, String token) throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("wardnet_audit_unindexed_entries ")) {
                return (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        return 0;
    }

    private static double millis(String text) {
        if (text.endsWith("us")) {
            return Double.parseDouble(text.substring(0, text.length() - 2)) / 1000;
        }
        if (text.endsWith("ms")) {
            return Double.parseDouble(text.substring(0, text.length() - 2));
        }
        return Double.parseDouble(text.substring(0, text.length() - 1)) * 1000;
    }

    private static void report(String what, List<double[]> open, List<double[]> guarded) {
        double openRps = median(open, 0);
        double guardedRps = median(guarded, 0);
        System.out.printf("RESULT access overhead, %s: unguarded %.0f req/s (p99 %.2f ms), guarded %.0f req/s"
                + " (p99 %.2f ms); ratio %.3f (target >= 0.90)%n", what, openRps, median(open, 1), guardedRps,
                median(guarded, 1), guardedRps / openRps);
        System.out.printf("RESULT access CPU per request, %s: server unguarded %.2f µs, guarded %.2f µs (%+.2f);"
                + " whole machine (wrk and the kernel included) unguarded %.2f µs, guarded %.2f µs (%+.2f)%n", what,
                median(open, 2), median(guarded, 2), median(guarded, 2) - median(open, 2), median(open, 3),
                median(guarded, 3), median(guarded, 3) - median(open, 3));
    }

    private static double median(List<double[]> values, int index) {
        double[] sorted = values.stream().mapToDouble(v -> v[index]).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
