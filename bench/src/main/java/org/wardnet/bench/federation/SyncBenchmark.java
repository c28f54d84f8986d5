package org.wardnet.bench.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.wardnet.adapters.federation.HttpParentLink;
import org.wardnet.app.federation.SyncRecords;
import org.wardnet.app.federation.UpwardSync;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.core.registry.Tier;
import org.wardnet.storage.Database;
import org.wardnet.storage.clips.JdbcClipIndex;
import org.wardnet.storage.federation.JdbcSyncJournal;
import org.wardnet.storage.health.JdbcHealthHistory;
import org.wardnet.storage.registry.JdbcRegistryStore;
import org.wardnet.storage.secrets.SecretBox;
import org.wardnet.storage.secrets.SecretKeys;

/**
 * Upward sync between two processes: a center ({@code wardnet serve}, its own JVM and H2 store)
 * and a substation node in this JVM (its journaled registry, health history and clip index, and
 * the upward sync pushing through the real HTTP link).
 *
 * <ol>
 * <li><b>Memory</b>: the center's heap after a full GC (jcmd) before and after it holds 10,000 of
 * the node's cameras, then after it holds their last states. Figures: bytes per camera for each
 * (the state's target ≤ 2 KB, as for an own camera's monitor state).</li>
 * <li><b>Throughput</b>, in four rounds: the substation's 1,500 cameras' {@code SYNC_MINUTES}
 * (default 200) one-minute clips per camera are journaled while the link is cut; then the link is
 * mended and the clock runs until the center has acknowledged everything. The first round meets a
 * center whose code the JIT has not compiled yet and is reported on its own; the figure is the
 * median of the three warm rounds after it: clip rows per second (target ≥ 50,000).</li>
 * <li><b>Catch-up after a one-hour partition</b>, twice: the sync stopped, an hour's worth is
 * journaled (one clip row per camera per minute, 90,000, and 3,000 health changes); the center's
 * camera GET is timed undisturbed ({@code GET_SECONDS}), then again while the sync drains the
 * backlog. The clients run in a process of their own ({@link LoadProcess}), as a center's users
 * are not inside a node. First under 8 clients asking {@code GET_RATE} (default 1,000) times a
 * second on a schedule, latency counted from when a request was due (so a client held up by the
 * machine is charged too); then under 8 clients asking back to back, which take whatever CPU the
 * machine has left (node, center, store and clients share its two cores here). Figures for each: the drain's
 * seconds (target ≤ 30) and the GET p99 ratio (target ≤ 2).</li>
 * </ol>
 * Afterwards the center's clip count for a sample camera is checked against the node's.
 */
public final class SyncBenchmark {

    private static final int CAMERAS = 1_500;
    private static final int MEMORY_CAMERAS = 10_000;
    /** Timed rounds after the first, whose median is the throughput figure. */
    private static final int WARM_ROUNDS = 3;
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int minutes = Integer.getInteger("minutes", Integer.parseInt(System.getenv().getOrDefault("SYNC_MINUTES",
                "200")));
        int getSeconds = Integer.parseInt(System.getenv().getOrDefault("GET_SECONDS", "10"));
        Path work = Files.createTempDirectory("wardnet-sync-bench-");
        String store = System.getenv().getOrDefault("CENTER_STORE_URL", "");
        System.out.println("  center's store: " + (store.isEmpty() ? "H2 (embedded, its own file)" : store));
        try (CenterProcess center = CenterProcess.start(work.resolve("center"))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String admin = center.adminToken(http);
            for (String site : new String[] {"{\"id\":\"C\",\"name\":\"Center\",\"tier\":\"CENTER\"}",
                "{\"id\":\"S1\",\"name\":\"Sub 1\",\"tier\":\"SUBSTATION\",\"parentId\":\"C\"}"}) {
                center.post(http, admin, "/api/v1/sites", site, 201);
            }
            String nodeToken = JSON.readTree(center.post(http, admin, "/api/v1/nodes",
                    "{\"id\":\"sub-one\",\"siteId\":\"S1\"}", 201)).get("token").asText();

            WardnetConfig config = WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR,
                    work.resolve("node").toString());
            try (Database db = Database.open(config)) {
                SyncRecords records = new SyncRecords(new ObjectMapper());
                JdbcSyncJournal journal = new JdbcSyncJournal(db.dataSource(), Clock.systemUTC());
                Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(),
                        new SecretBox(SecretKeys.newKey(), List.of())).journaled(journal, records), Clock.systemUTC());
                JdbcClipIndex clips = new JdbcClipIndex(db.dataSource()).journaled(journal, records);
                JdbcHealthHistory history = new JdbcHealthHistory(db.dataSource()).journaled(journal, records);
                registry.putSynced(new Site("C", "Center", Tier.CENTER, null, null, null, T0, T0));
                registry.putSynced(new Site("S1", "Sub 1", Tier.SUBSTATION, "C", null, null, T0, T0));
                registry.createSite(new SiteDraft("R1", "Room 1", "ROOM", "S1", "BANK", null));
                GatedLink link = new GatedLink(new HttpParentLink(URI.create(center.base()), nodeToken, null,
                        Duration.ofSeconds(60)));
                // retries at most 100 ms apart, so mending the cut link is not timed as a back-off
                UpwardSync.Settings settings = new UpwardSync.Settings(Integer.getInteger("batchRows", 5_000),
                        Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofMillis(100));

                // memory: the center's heap after GC, before and after it holds 10,000 of the node's cameras, then
                // their states (so many that the collector's noise of a few MB is a few hundred bytes a camera)
                registry.createSite(new SiteDraft("R2", "Room 2", "ROOM", "S1", "SCHOOL", null));
                long heapBefore = center.heapAfterGc(http, admin);
                List<HealthEvent> online = new ArrayList<>();
                for (int c = 0; c < MEMORY_CAMERAS; c++) {
                    String id = String.format("3302030000133%07d", c);
                    registry.createCamera(new CameraDraft(id, "R2", "Camera " + c,
                            new CameraDraft.Location(29.9 + c * 1e-5, 121.5), null, null, null, null, null,
                            new CameraDraft.Rtsp("rtsp://127.1.0.1/" + c, null, null, null)));
                    online.add(new HealthEvent(T0, HealthEvent.Subject.CAMERA, id, "UNKNOWN", "ONLINE", null, false,
                            null));
                }
                try (UpwardSync sync = new UpwardSync(journal, link, settings, Clock.systemUTC()).start()) {
                    awaitDrained(sync, journal);
                    long heapWithCameras = center.heapAfterGc(http, admin);
                    history.append(online);
                    awaitDrained(sync, journal);
                    double registryPerCamera = (heapWithCameras - heapBefore) / (double) MEMORY_CAMERAS;
                    double statePerCamera = (center.heapAfterGc(http, admin) - heapWithCameras) / (double) MEMORY_CAMERAS;
                    System.out.printf("RESULT center heap per synced camera: %,.0f bytes for its record (registry and H2's"
                            + " cache of its row, as bench/run import measures an own camera's) + %,.0f bytes for its health"
                            + " (last state, history row) = %,.0f; the health part against the target for an own camera's"
                            + " monitor state (<= 2,048: %s)%n", registryPerCamera, statePerCamera,
                            registryPerCamera + statePerCamera, statePerCamera <= 2_048 ? "MET" : "MISSED");

                    List<String> cameras = new ArrayList<>();
                    for (int c = 0; c < CAMERAS; c++) {
                        String id = String.format("3302030000132%07d", c);
                        cameras.add(id);
                        registry.createCamera(new CameraDraft(id, "R1", "Camera " + c,
                                new CameraDraft.Location(29.8 + c * 1e-5, 121.5), null, null, null, null, null,
                                new CameraDraft.Rtsp("rtsp://127.1.0.1/" + c, null, null, null)));
                    }
                    awaitDrained(sync, journal);
                    // the first round meets a center whose code is not compiled yet: it is reported on its own, and
                    // the warm rounds after it are what a center that has been running a while sustains
                    int minute = 0;
                    Round cold = round(center, http, admin, sync, journal, link, clips, cameras, minute, minutes);
                    minute += minutes;
                    System.out.printf("  round 1 (a center just started): %s%n", cold);
                    List<Round> warm = new ArrayList<>();
                    for (int r = 0; r < WARM_ROUNDS; r++) {
                        Round round = round(center, http, admin, sync, journal, link, clips, cameras, minute, minutes);
                        minute += minutes;
                        warm.add(round);
                        System.out.printf("  round %d (warm): %s%n", r + 2, round);
                    }
                    double perSecond = warm.stream().mapToDouble(Round::perSecond).sorted()
                            .skip(WARM_ROUNDS / 2).findFirst().orElseThrow();
                    System.out.printf("RESULT sync throughput: %,d clip rows (and %,d cameras) a round, median of %d warm"
                            + " rounds = %,.0f clip rows/s (target >= 50,000: %s); the first round after the center's"
                            + " start %,.0f clip rows/s%n", cold.rows(), CAMERAS, WARM_ROUNDS, perSecond,
                            perSecond >= 50_000 ? "MET" : "MISSED", cold.perSecond());

                    // one hour of a partition, twice: under a paced GET load, then under a closed-loop one that takes
                    // every CPU cycle it can; on a machine the node, the center and the store share, neither alone
                    // tells how the center serves its users while it catches up
                    double rate = Double.parseDouble(System.getenv().getOrDefault("GET_RATE", "1000"));
                    for (double pace : new double[] {rate, 0}) {
                        try (LoadProcess load = new LoadProcess(center.base(), admin, cameras, 8, pace, work)) {
                            String how = load.paced() ? String.format("%,.0f GETs a second"
                                    + " on a schedule", rate) : "8 clients back to back";
                            catchUp(sync, journal, link, clips, history, cameras, minute, load,
                                    new ServedLatency(center, http, admin), getSeconds, how);
                        }
                        minute += 60;
                    }

                    String sample = cameras.get(CAMERAS / 2);
                    JsonNode page = JSON.readTree(center.get(http, admin, "/api/v1/clips?camera=" + sample + "&from="
                            + T0 + "&to=" + T0.plusSeconds(minute * 60L) + "&limit=1000"));
                    int atCenter = page.get("items").size();
                    if (atCenter != minute) {
                        throw new IllegalStateException("the center holds " + atCenter + " clips of " + sample
                                + ", the node " + minute);
                    }
                    System.out.printf("  checked: the center holds the node's %d clips of camera %s%n", atCenter, sample);
                }
            }
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Seconds the center spent on POST /api/v1/sync/changes, from its metrics. */
    private static double pushSeconds(CenterProcess center, HttpClient http, String admin) throws Exception {
        double sum = 0;
        for (String line : center.get(http, admin, "/metrics").split("\n")) {
            if (line.startsWith("http_server_requests_seconds_sum") && line.contains("/api/v1/sync/changes")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Journals {@code count} one-minute clips per camera from minute {@code first}, in time order across cameras. */
    private static void journalClips(JdbcClipIndex clips, List<String> cameras, int first, int count) {
        List<Clip> batch = new ArrayList<>(1_000);
        for (int m = first; m < first + count; m++) {
            Instant start = T0.plusSeconds(m * 60L);
            for (String camera : cameras) {
                batch.add(new Clip(0, camera, start, start.plusSeconds(60), "/var/lib/wardnet/recordings/" + camera
                        + "/" + m + ".mp4", 1_800_000L, "H264", 1920, 1080, 30, null, ClipOrigin.RECORDED));
                if (batch.size() == 1_000) {
                    clips.add(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            clips.add(batch);
        }
    }

    /** One throughput round: what went up, in how long, and the CPU each side used meanwhile. */
    private record Round(long rows, double seconds, double centerCpu, double nodeCpu, double centerPushSeconds) {
        double perSecond() {
            return rows / seconds;
        }

        @Override
        public String toString() {
            return String.format("%,d clip rows in %.1f s = %,.0f rows/s; CPU center %.1f s, node %.1f s; the center"
                    + " answered pushes for %.1f s", rows, seconds, perSecond(), centerCpu, nodeCpu, centerPushSeconds);
        }
    }

    /**
     * Journals {@code minutes} clips per camera from minute {@code first} while the link is cut,
     * then times from mending it until the center has acknowledged everything.
     */
    private static Round round(CenterProcess center, HttpClient http, String admin, UpwardSync sync,
            JdbcSyncJournal journal, GatedLink link, JdbcClipIndex clips, List<String> cameras, int first, int minutes)
            throws Exception {
        link.cut(); // the clips are journaled first, then the clock runs while they go up
        journalClips(clips, cameras, first, minutes);
        double pushedBefore = pushSeconds(center, http, admin);
        double centerCpu = center.cpuSeconds();
        double nodeCpu = CenterProcess.cpuSeconds(ProcessHandle.current());
        long started = System.nanoTime();
        link.mend();
        awaitDrained(sync, journal);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Round((long) cameras.size() * minutes, seconds, center.cpuSeconds() - centerCpu,
                CenterProcess.cpuSeconds(ProcessHandle.current()) - nodeCpu, pushSeconds(center, http, admin)
                - pushedBefore);
    }

    /**
     * An hour of a partition journaled while the link is cut (a clip row per camera per minute, two
     * health changes per camera); the center's camera GET timed undisturbed, then while the sync
     * drains the backlog after the link is mended.
     */
    private static void catchUp(UpwardSync sync, JdbcSyncJournal journal, GatedLink link, JdbcClipIndex clips,
            JdbcHealthHistory history, List<String> cameras, int minute, LoadProcess load, ServedLatency served,
            int getSeconds, String how) throws Exception {
        link.cut();
        journalClips(clips, cameras, minute, 60);
        List<HealthEvent> events = new ArrayList<>();
        for (String camera : cameras) {
            Instant at = T0.plusSeconds(minute * 60L + 600);
            events.add(new HealthEvent(at, HealthEvent.Subject.CAMERA, camera, "UNKNOWN", "OFFLINE", "bench", true,
                    null));
            events.add(new HealthEvent(at.plusSeconds(300), HealthEvent.Subject.CAMERA, camera, "OFFLINE", "ONLINE",
                    "bench", false, null));
        }
        history.append(events);
        load.run(Duration.ofSeconds(5)); // warm-up: the first seconds measure the JIT, not the center
        Map<Double, Double> beforeQuiet = served.buckets();
        double[] quiet = load.run(Duration.ofSeconds(getSeconds));
        Map<Double, Double> afterQuiet = served.buckets();
        System.out.printf("  center camera GET undisturbed (%s): %,.0f req/s, p99 %.2f ms at the clients, <= %.0f ms"
                + " as the center timed them%n", how, quiet[0], quiet[1], ServedLatency.p99Bound(beforeQuiet,
                afterQuiet));
        long backlog = journal.watermark();
        long started = System.nanoTime();
        link.mend();
        double[] busy = load.runUntil(() -> sync.status().backlog() == 0 && sync.status().ackedSeq() >= backlog);
        double drained = (System.nanoTime() - started) / 1e9;
        System.out.printf("  center camera GET during catch-up (%s): %,.0f req/s, p99 %.2f ms at the clients, <= %.0f"
                + " ms as the center timed them%n", how, busy[0], busy[1], ServedLatency.p99Bound(afterQuiet,
                served.buckets()));
        System.out.printf("RESULT catch-up after a 1-hour partition (%,d clip rows, %,d health changes, %,d cameras)"
                + " under %s: %.1f s (target <= 30: %s); camera GET p99 %.2f ms vs %.2f ms undisturbed = %.2fx"
                + " (target <= 2: %s)%n", (long) cameras.size() * 60, events.size(), cameras.size(), how, drained,
                drained <= 30 ? "MET" : "MISSED", busy[1], quiet[1], busy[1] / quiet[1],
                busy[1] / quiet[1] <= 2 ? "MET" : "MISSED");
    }

    private static void awaitDrained(UpwardSync sync, JdbcSyncJournal journal) throws InterruptedException {
        long head = journal.watermark();
        String said = null;
        while (sync.status().ackedSeq() < head) {
            String error = sync.status().lastError();
            if (error != null && !error.equals(said) && !error.contains("cut by the benchmark")) {
                System.out.println("  (link: " + error + ")");
                said = error;
            }
            Thread.sleep(20);
        }
    }
}
