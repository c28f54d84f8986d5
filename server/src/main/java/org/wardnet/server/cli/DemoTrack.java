package org.wardnet.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.server.WardnetServer;
import org.wardnet.simulator.district.District;

/**
 * What the demo gives track-following: the reference district's street grid, and footage of the
 * last six hours for every camera: one-hour clips that all play the same hour of the simulator's
 * test picture ({@link DemoFootage}), so listing, following, playing and exporting all work. Done
 * once per store.
 */
final class DemoTrack {

    static final int HOURS = 6;

    private DemoTrack() {
    }

    static void prepare(WardnetServer server, District district, Path footageDirectory, PrintStream out)
            throws IOException {
        if (server.track().summary().streetSegments() == 0) {
            server.track().replaceStreets(district.grid().segments());
        }
        out.println("track map: " + server.track().summary());
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        if (!server.clips().overlapping(district.cameras().get(0).id(), now.minus(HOURS, ChronoUnit.HOURS),
                now, null, 1).isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        Path hour = DemoFootage.hour(footageDirectory).toAbsolutePath();
        long bytes = Files.size(hour);
        List<Clip> batch = new ArrayList<>(1_000);
        int count = 0;
        for (int h = HOURS; h >= 1; h--) {
            Instant from = now.minus(h, ChronoUnit.HOURS);
            for (int i = 0; i < district.cameras().size(); i++) {
                CameraDraft camera = district.cameras().get(i);
                batch.add(new Clip(0, camera.id(), from, from.plus(1, ChronoUnit.HOURS), hour.toString(), bytes,
                        "H264", 640, 360, null, null, ClipOrigin.IMPORTED));
                if (batch.size() == 1_000) {
                    count += server.clips().add(batch).size();
                    batch.clear();
                }
            }
        }
        count += server.clips().add(batch).size();
        out.printf("footage: %,d one-hour clips (the last %d hours of every camera, each the same hour of test picture,"
                + " %s) indexed in %.1f s%n", count, HOURS, hour, (System.nanoTime() - start) / 1e9);
    }

    static void printTour(String base, String camera, PrintStream out) {
        String at = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(90, ChronoUnit.MINUTES).toString();
        out.println("Track-following (the street grid and six hours of edge footage are indexed):");
        out.println("  wcurl -X POST -H 'Content-Type: application/json' -d '{\"cameraId\":\"" + camera + "\",\"time\":\""
                + at + "\",\"mode\":\"WALK\",\"horizonSeconds\":300,\"limit\":5}' " + base + "/api/v1/track/follow");
        out.println("  wcurl -X POST -H 'Content-Type: application/json' -d '{\"title\":\"Demo case\",\"mode\":\"WALK\"}' "
                + base + "/api/v1/cases");
        out.println("  wcurl -X POST -H 'Content-Type: application/json' -d '{\"cameraId\":\"" + camera + "\",\"time\":\""
                + at + "\"}' " + base + "/api/v1/cases/CASE/sightings");
        out.println("  wcurl " + base + "/api/v1/cases/CASE      # legs, speeds, impossible hops flagged");
        out.println("  wcurl -X POST " + base + "/api/v1/cases/CASE/confirm");
        out.println("  wcurl -o case.zip " + base + "/api/v1/cases/CASE/export");
    }
}
