package org.wardnet.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.CameraImport;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.simulator.district.District;

/** The demo's data: a scratch directory, the reference district loaded into it, and a tour of the API. */
final class DemoData {

    /** The demo's fault plan: a few of each kind, so the health summary has something to show. */
    static final String FAULTS = "slow=5,down=1,wrong_credentials=1,stalled_media=1,flapping=1";

    private final Path directory;

    private DemoData(Path directory) {
        this.directory = directory;
    }

    static DemoData scratch() throws IOException {
        return new DemoData(Files.createTempDirectory("wardnet-demo-"));
    }

    Path directory() {
        return directory;
    }

    /** Deletes the scratch directory; best effort, at shutdown. */
    void delete() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("wardnet: could not delete " + directory + ": " + e.getMessage());
        }
    }

    /** Registers the district unless the store already holds cameras. */
    static void load(Registry registry, District district, PrintStream out) {
        if (registry.queries().cameraCount() > 0) {
            out.println("district: store already holds " + registry.queries().cameraCount() + " cameras; not reloading");
            return;
        }
        long start = System.nanoTime();
        out.println("district: Haishu-2014 (seed " + district.seed() + "): " + district.sites().size() + " sites, "
                + district.cameras().size() + " cameras; loading...");
        for (SiteDraft site : district.sites()) {
            if (registry.site(site.id()).isEmpty()) {
                registry.createSite(site);
            }
        }
        List<CameraImport.Row> rows = new ArrayList<>(district.cameras().size());
        int number = 1;
        for (CameraDraft camera : district.cameras()) {
            rows.add(new CameraImport.Row(number++, camera, List.of()));
        }
        CameraImport.Outcome outcome = registry.importCameras(rows, true);
        out.printf("district: %d cameras registered in %.1f s%n", outcome.created(),
                (System.nanoTime() - start) / 1e9);
    }

    static void printTour(String base, String simAdmin, String camera, PrintStream out) {
        out.println();
        out.println("Try:");
        out.println("  curl " + base + "/api/v1/sites?tier=SUBSTATION");
        out.println("  curl '" + base + "/api/v1/cameras?site=sub-03&limit=5'");
        out.println("  curl '" + base + "/api/v1/cameras?q=Hospital&limit=3'");
        out.println("  curl " + base + "/api/v1/cameras/" + camera);
        out.println("  curl " + base + "/readyz");
        out.println("  curl " + base + "/metrics | grep wardnet_");
        out.println("  curl " + base + "/api/v1/openapi.json");
        out.println("Health (cameras are probed every 15 s; give it a minute):");
        out.println("  curl '" + base + "/api/v1/health/summary?site=sub-03'");
        out.println("  curl " + base + "/api/v1/cameras/" + camera + "/health");
        out.println("  curl -N '" + base + "/api/v1/events?alarms=true'");
        out.println("Inject faults into the simulated cameras:");
        out.println("  curl -X PUT '" + simAdmin + "/sites/room-017/fault?fault=REFUSING'   # cut a room's link");
        out.println("  curl -X PUT '" + simAdmin + "/cameras/" + camera + "/fault?fault=DOWN'");
        out.println("  curl " + simAdmin + "/cameras");
        out.println("Stop with Ctrl-C.");
    }
}
