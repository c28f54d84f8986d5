package org.wardnet.server.cli;

import java.io.PrintStream;
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
 * What the demo gives track-following: the reference district's street grid, and the footage every
 * room's edge recorder holds for the last six hours (one-hour clips indexed by URL on loopback
 * addresses 127.3.x.y that nothing serves: listing, follow and corridor work; playing them does
 * not). Done once per store.
 */
final class DemoTrack {

    static final int HOURS = 6;

    private DemoTrack() {
    }

    static void prepare(WardnetServer server, District district, PrintStream out) {
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
        List<Clip> batch = new ArrayList<>(1_000);
        int count = 0;
        for (int h = HOURS; h >= 1; h--) {
            Instant from = now.minus(h, ChronoUnit.HOURS);
            for (int i = 0; i < district.cameras().size(); i++) {
                CameraDraft camera = district.cameras().get(i);
                batch.add(new Clip(0, camera.id(), from, from.plus(1, ChronoUnit.HOURS), "http://127.3." + (i / 250)
                        + "." + (i % 250 + 1) + "/record/" + camera.id() + "/" + from.getEpochSecond() + ".mp4",
                        null, "H264", 1920, 1080, null, null, ClipOrigin.INGESTED));
                if (batch.size() == 1_000) {
                    count += server.clips().add(batch).size();
                    batch.clear();
                }
            }
        }
        count += server.clips().add(batch).size();
        out.printf("footage: %,d edge-recorder clips (the last %d hours of every camera) indexed in %.1f s%n", count,
                HOURS, (System.nanoTime() - start) / 1e9);
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
