package org.wardnet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.registry.CameraCsvFormat;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.server.WardnetServer;
import org.wardnet.simulator.district.District;
import org.wardnet.simulator.district.DistrictFiles;
import org.wardnet.simulator.district.DistrictGenerator;

/**
 * Times {@code POST /api/v1/cameras/import} of the reference district's 12,414-camera CSV over
 * HTTP, each run against a fresh server and H2 store (sites created first, untimed), and measures
 * the heap the loaded registry holds per camera.
 *
 * <p>Usage: {@code ImportBenchmark [RUNS [CAMERAS]]}. The first run is reported apart (cold JIT); the
 * figure is the median of the others. CAMERAS beyond the district's repeats its cameras under new
 * ids ({@code ID-2}, {@code ID-3}, ...) in the same sites, a few metres apart; the import takes at
 * most {@code api.maxImportRows} (100,000 by default) rows.
 */
public final class ImportBenchmark {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        District district = DistrictGenerator.reference();
        List<CameraDraft> cameras = repeated(district.cameras(),
                args.length > 1 ? Integer.parseInt(args[1]) : district.cameras().size());
        StringBuilder rows = new StringBuilder(cameras.size() * 260).append(CameraCsvFormat.header());
        cameras.forEach(camera -> rows.append(CameraCsvFormat.row(camera)));
        String csv = rows.toString();
        System.out.printf("import benchmark: %d cameras, CSV %.1f MB, %d runs%n", cameras.size(),
                csv.length() / 1e6, runs);
        List<Double> seconds = new ArrayList<>();
        double bytesPerCamera = 0;
        for (int run = 1; run <= runs; run++) {
            Path data = Files.createTempDirectory("wardnet-bench-");
            WardnetConfig config = BenchAccess.withAdmin(WardnetConfig.defaults().with(WardnetKeys.SERVER_PORT, 0).with(org.wardnet.config.LiveKeys.LIVE_RTSP_PORT, 0)
                    .with(WardnetKeys.STORE_DATA_DIR, data.toString()));
            try (WardnetServer server = WardnetServer.start(config)) {
                token = BenchAccess.login(CLIENT, server.baseUrl());
                for (SiteDraft site : district.sites()) {
                    expect(201, post(server.baseUrl() + "/api/v1/sites", "application/json", DistrictFiles.siteJson(site)));
                }
                long heapBefore = usedHeapAfterGc();
                long start = System.nanoTime();
                HttpResponse<String> response = post(server.baseUrl() + "/api/v1/cameras/import?atomic=true",
                        "text/csv", csv);
                double elapsed = (System.nanoTime() - start) / 1e9;
                expect(200, response);
                if (!response.body().contains("\"created\":" + cameras.size())) {
                    throw new IllegalStateException("import did not create every camera");
                }
                response = null;
                bytesPerCamera = (usedHeapAfterGc() - heapBefore) / (double) cameras.size();
                seconds.add(elapsed);
                System.out.printf("  run %d: %.3f s%s%n", run, elapsed, run == 1 ? " (cold)" : "");
            } finally {
                delete(data);
            }
        }
        List<Double> warm = new ArrayList<>(seconds.subList(Math.min(1, seconds.size() - 1), seconds.size()));
        Collections.sort(warm);
        double median = warm.get(warm.size() / 2);
        if (cameras.size() == district.cameras().size()) {
            System.out.printf("RESULT import_seconds_median=%.3f cold=%.3f target<=3.0 %s%n", median, seconds.get(0),
                    median <= 3.0 ? "MET" : "MISSED");
        } else {
            System.out.printf("RESULT import of %d cameras: seconds_median=%.3f cold=%.3f (%.0f cameras/s)%n",
                    cameras.size(), median, seconds.get(0), cameras.size() / median);
        }
        System.out.printf("RESULT heap_bytes_per_camera=%.0f (growth of the server heap after GC: registry plus H2 page cache)%n",
                bytesPerCamera);
    }

    /** {@code count} cameras: the district's, then again under new ids, each copy a few metres further east. */
    static List<CameraDraft> repeated(List<CameraDraft> district, int count) {
        List<CameraDraft> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CameraDraft c = district.get(i % district.size());
            int copy = i / district.size() + 1;
            if (copy == 1) {
                out.add(c);
                continue;
            }
            CameraDraft.Location at = c.location() == null ? null
                    : new CameraDraft.Location(c.location().lat(), c.location().lon() + copy * 0.00003);
            out.add(new CameraDraft(c.id() + "-" + copy, c.siteId(), c.name() + " (" + copy + ")", at, c.heading(),
                    c.mounting(), c.vendor(), c.model(), c.onvif(), c.rtsp()));
        }
        return out;
    }

    /** The current server's session token. */
    private static String token;

    private static HttpResponse<String> post(String url, String type, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static void delete(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
