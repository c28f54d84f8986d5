package org.wardnet.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.wardnet.app.recording.RecordingService;
import org.wardnet.core.recording.RecordingPlan;
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

    /** The password the cameras of the installer's tour accept (the rest keep the district's own). */
    static final String INSTALLER_PASSWORD = "installer-pw";

    /**
     * The room left for the installer's tour: its cameras run in the simulator but are not
     * registered, so discovery finds them new; they share one password, as a batch fresh from the
     * installer's van does.
     *
     * @param district  the district with the room's cameras re-keyed to {@link #INSTALLER_PASSWORD}
     * @param siteId    the room
     * @param firstHost its first camera's address
     * @param lastHost  its last camera's address
     * @param cameraIds its cameras
     */
    record InstallerRoom(District district, String siteId, String firstHost, String lastHost,
            Set<String> cameraIds) {
    }

    static InstallerRoom installerRoom(District district) {
        // a room of the first substation, so that the demo's installer of that substation can install it
        String substation = district.sites().stream().filter(s -> "SUBSTATION".equals(s.tier())).map(SiteDraft::id)
                .sorted().findFirst().orElseThrow();
        String room = district.sites().stream().filter(s -> "ROOM".equals(s.tier()) && substation.equals(s.parentId()))
                .map(SiteDraft::id).sorted()
                .filter(id -> district.cameras().stream().filter(c -> c.siteId().equals(id)).count() >= 8)
                .findFirst().orElseThrow();
        Set<String> ids = new LinkedHashSet<>();
        List<CameraDraft> cameras = new ArrayList<>();
        String first = null;
        String last = null;
        for (CameraDraft c : district.cameras()) {
            if (!c.siteId().equals(room)) {
                cameras.add(c);
                continue;
            }
            ids.add(c.id());
            String host = URI.create(c.onvif().url()).getHost();
            first = first == null ? host : first;
            last = host;
            cameras.add(new CameraDraft(c.id(), c.siteId(), c.name(), c.location(), c.heading(), c.mounting(), c.vendor(),
                    c.model(), new CameraDraft.Onvif(c.onvif().url(), c.onvif().username(), INSTALLER_PASSWORD),
                    new CameraDraft.Rtsp(c.rtsp().url(), c.rtsp().subUrl(), c.rtsp().username(), INSTALLER_PASSWORD)));
        }
        return new InstallerRoom(new District(district.seed(), district.grid(), district.sites(), cameras), room, first,
                last, ids);
    }

    /** The room whose first cameras the demo records (8 of them: about 450 MB an hour of the demo clip). */
    static final String RECORDED_ROOM = "room-017";
    static final int RECORDED_CAMERAS = 8;

    /** Plans continuous recording for the first cameras of {@link #RECORDED_ROOM}, unless plans exist already. */
    static List<String> planRecording(RecordingService recording, Registry registry,
            PrintStream out) {
        if (!recording.plans().isEmpty()) {
            return List.of();
        }
        List<String> ids = registry.queries().cameraIdsInSubtree(RECORDED_ROOM).stream().limit(RECORDED_CAMERAS).toList();
        for (String id : ids) {
            recording.putPlan(new RecordingPlan(id,
                    RecordingPlan.Mode.CONTINUOUS, List.of()));
        }
        out.println("recording: " + ids.size() + " cameras of " + RECORDED_ROOM + " continuously, 60 s segments, into "
                + recording.root());
        return ids;
    }

    /** Registers the district unless the store already holds cameras; cameras in {@code leaveOut} are not. */
    static void load(Registry registry, District district, Set<String> leaveOut, PrintStream out) {
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
            if (!leaveOut.contains(camera.id())) {
                rows.add(new CameraImport.Row(number++, camera, List.of()));
            }
        }
        CameraImport.Outcome outcome = registry.importCameras(rows, true);
        out.printf("district: %d cameras registered in %.1f s%n", outcome.created(),
                (System.nanoTime() - start) / 1e9);
    }

    static void printTour(String base, String simAdmin, String camera, InstallerRoom room, int probeSeconds,
            PrintStream out) {
        out.println();
        out.println("Try:");
        out.println("  wcurl " + base + "/api/v1/sites?tier=SUBSTATION");
        out.println("  wcurl '" + base + "/api/v1/cameras?site=sub-03&limit=5'");
        out.println("  wcurl '" + base + "/api/v1/cameras?q=Hospital&limit=3'");
        out.println("  wcurl " + base + "/api/v1/cameras/" + camera);
        out.println("  wcurl " + base + "/readyz");
        out.println("  wcurl " + base + "/metrics | grep wardnet_");
        out.println("  wcurl " + base + "/api/v1/openapi.json");
        out.println("Health (cameras are probed every " + probeSeconds + " s; give it a minute):");
        out.println("  wcurl '" + base + "/api/v1/health/summary?site=sub-03'");
        out.println("  wcurl " + base + "/api/v1/cameras/" + camera + "/health");
        out.println("  wcurl -N '" + base + "/api/v1/events?alarms=true'");
        out.println("Inject faults into the simulated cameras:");
        out.println("  curl -X PUT '" + simAdmin + "/sites/room-017/fault?fault=REFUSING'   # cut a room's link");
        out.println("  curl -X PUT '" + simAdmin + "/cameras/" + camera + "/fault?fault=DOWN'");
        out.println("  curl " + simAdmin + "/cameras");
        out.println("Install: " + room.cameraIds().size() + " cameras of " + room.siteId() + " (" + room.firstHost() + "-"
                + room.lastHost() + ") are running but not registered; discover, register and verify them:");
        out.println("  ./wardnet install --server " + base + " --range " + room.firstHost() + "-" + room.lastHost()
                + " --site " + room.siteId() + " --user admin --password " + INSTALLER_PASSWORD
                + " --lat 29.87 --lon 121.55");
        out.println("  wcurl -X POST " + base + "/api/v1/cameras/" + camera + "/verify        # one camera's checklist");
        out.println("  wcurl -o snapshot.jpg " + base + "/api/v1/cameras/" + camera + "/snapshot");
        out.println("  wcurl -X POST -H 'Content-Type: application/json' -d '{\"site\":\"room-017\"}' "
                + base + "/api/v1/verifications");
        out.println("Footage (" + RECORDED_ROOM + "'s first cameras record from the start; segments close every minute):");
        out.println("  wcurl " + base + "/api/v1/recording/status");
        out.println("  wcurl '" + base + "/api/v1/clips?camera=CAMERA&from=FROM&to=TO'   # ISO-8601 times, e.g. the last hour");
        out.println("  wcurl '" + base + "/api/v1/cameras/CAMERA/timeline?from=FROM&to=TO'");
        out.println("  wcurl '" + base + "/api/v1/coverage?site=" + RECORDED_ROOM + "&from=FROM&to=TO'");
        out.println("  wcurl -o cut.mp4 '" + base + "/api/v1/cameras/CAMERA/export?from=FROM&to=TO'");
    }
}
