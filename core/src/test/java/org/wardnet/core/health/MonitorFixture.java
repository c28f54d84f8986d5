package org.wardnet.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.wardnet.core.ManualClock;
import org.wardnet.core.ManualTicker;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.RegistryStore;
import org.wardnet.core.registry.SiteDraft;
import java.util.function.Predicate;

/** A registry, a clock moved by hand and a prober that answers as each test says. */
final class MonitorFixture {

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T08:00:00Z"));
    /** Moves with the clock in {@link #run}; only the clock is stepped by {@link #stepWallClock}. */
    final ManualTicker ticker = new ManualTicker();
    final Registry registry = Registry.open(RegistryStore.none(), clock);
    final List<HealthEvent> events = new ArrayList<>();
    final Map<String, Integer> probes = new HashMap<>();
    /** Decides each probe's outcome; null means "still running" (the future stays open). */
    Function<String, ProbeOutcome> answers = id -> new ProbeOutcome(true, 10, null, null, null, null, null, null);
    final List<CompletableFuture<ProbeOutcome>> open = new ArrayList<>();
    HealthMonitor monitor;

    MonitorFixture() {
        registry.createSite(new SiteDraft("C", "Center", "CENTER", null, null, null));
        registry.createSite(new SiteDraft("S1", "Sub", "SUBSTATION", "C", null, null));
        registry.createSite(new SiteDraft("R1", "Room 1", "ROOM", "S1", "BANK", null));
        registry.createSite(new SiteDraft("R2", "Room 2", "ROOM", "S1", "SCHOOL", null));
    }

    void cameras(String site, int count) {
        for (int i = 0; i < count; i++) {
            String id = site + "-cam" + i;
            registry.createCamera(new CameraDraft(id, site, id, new CameraDraft.Location(29.8, 121.5), null, null, null,
                    null, null, new CameraDraft.Rtsp("rtsp://127.1.0.1/" + id, null, null, null)));
        }
    }

    HealthMonitor start(int maxInFlight) {
        return start(maxInFlight, camera -> true);
    }

    HealthMonitor start(int maxInFlight, Predicate<Camera> probedHere) {
        MonitorSettings settings = new MonitorSettings(Duration.ofSeconds(60), Duration.ofSeconds(1), maxInFlight,
                ProbeDepth.OPTIONS, 0, HealthPolicy.defaults());
        CameraProber prober = (Camera camera, ProbeDepth depth) -> {
            probes.merge(camera.id(), 1, Integer::sum);
            ProbeOutcome outcome = answers.apply(camera.id());
            if (outcome == null) {
                CompletableFuture<ProbeOutcome> pending = new CompletableFuture<>();
                open.add(pending);
                return pending;
            }
            return CompletableFuture.completedFuture(outcome);
        };
        monitor = new HealthMonitor(registry, prober, events::add, settings, clock, ticker, Runnable::run, probedHere);
        return monitor;
    }

    /** Moves time forward second by second, ticking the monitor each second. */
    void run(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            ticker.advance(Duration.ofSeconds(1));
            monitor.tick();
        }
    }

    /** Steps the wall clock alone, as a person or NTP setting it does; elapsed time does not move. */
    void stepWallClock(Duration by) {
        clock.advance(by);
    }

    List<HealthEvent> alarms() {
        return events.stream().filter(HealthEvent::alarm).toList();
    }
}
