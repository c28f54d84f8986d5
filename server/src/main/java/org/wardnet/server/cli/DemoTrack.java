package org.wardnet.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.server.WardnetServer;
import org.wardnet.simulator.district.District;

/**
 * What the demo gives track-following: the reference district's street grid, and footage of the
 * last six hours for every camera and each hour after as it ends ({@link DemoEdgeFeed}): one-hour
 * clips that all play the same hour of the simulator's test picture ({@link DemoFootage}), so
 * listing, following, playing and exporting all work however long the demo runs.
 */
final class DemoTrack {

    private DemoTrack() {
    }

    /**
     * Loads the street grid once and starts the edge recorders' feed: the last {@link DemoEdgeFeed#HOURS}
     * hours of every camera, then each hour as it ends. The caller closes the feed.
     */
    static DemoEdgeFeed prepare(WardnetServer server, District district, Path footageDirectory, PrintStream out)
            throws IOException {
        if (server.track().summary().streetSegments() == 0) {
            server.track().replaceStreets(district.grid().segments());
        }
        out.println("track map: " + server.track().summary());
        long start = System.nanoTime();
        Path hour = DemoFootage.hour(footageDirectory).toAbsolutePath();
        DemoEdgeFeed feed = new DemoEdgeFeed(server.clips(), district.cameras().stream().map(CameraDraft::id).toList(),
                hour, Files.size(hour), Clock.systemUTC(), out);
        int count = feed.catchUp();
        if (count > 0) {
            out.printf("footage: %,d one-hour clips (the last %d hours of every camera, each the same hour of test"
                    + " picture, %s) indexed in %.1f s; each further hour is handed in as it ends%n", count,
                    DemoEdgeFeed.HOURS, hour, (System.nanoTime() - start) / 1e9);
        }
        feed.startHourly();
        return feed;
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
