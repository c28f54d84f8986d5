package org.wardnet.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {

    private final MonitorFixture f = new MonitorFixture();

    private static ProbeOutcome refused() {
        return ProbeOutcome.failed(1, ProbeErrorClass.REFUSED, "Connection refused");
    }

    @Test
    void everyCameraIsProbedOncePerIntervalSpreadOverIt() {
        f.cameras("R1", 60);
        f.cameras("R2", 60);
        f.start(8);
        f.monitor.tick();
        f.run(Duration.ofSeconds(59)); // the first tick and 59 more: each of the 60 slots once
        assertEquals(120, f.probes.size());
        assertTrue(f.probes.values().stream().allMatch(n -> n == 1), f.probes.toString());
        f.run(Duration.ofSeconds(60));
        assertTrue(f.probes.values().stream().allMatch(n -> n == 2), f.probes.toString());
        assertEquals(0, f.monitor.probesMissed());
        assertEquals(HealthState.ONLINE, f.monitor.health("R1-cam0").state());
    }

    @Test
    void concurrencyIsBoundedAndAHangingProbeCountsAsMissed() {
        f.cameras("R1", 30);
        f.answers = id -> null; // nothing ever answers
        f.start(5);
        f.monitor.tick();
        f.run(Duration.ofSeconds(60));
        assertEquals(5, f.open.size(), "only maxInFlight probes were started");
        assertEquals(5, f.monitor.inFlight());
        assertEquals(25, f.monitor.queuedProbes());
        f.run(Duration.ofSeconds(60));
        assertEquals(30, f.monitor.probesMissed(), "every camera was due again while still waiting");
        new java.util.ArrayList<>(f.open).forEach(p -> p.complete(refused()));
        assertEquals(10, f.open.size(), "each completion starts a queued probe");
    }

    @Test
    void aDeadCameraIsOfflineWithinThreeIntervalsWithOneAlarm() {
        f.cameras("R1", 5);
        f.answers = id -> id.equals("R1-cam3") ? refused() : new ProbeOutcome(true, 10, null, null, null, null, null, null);
        f.start(8);
        f.monitor.tick();
        f.run(Duration.ofSeconds(180));
        assertEquals(HealthState.OFFLINE, f.monitor.health("R1-cam3").state());
        List<HealthEvent> alarms = f.alarms();
        assertEquals(1, alarms.size(), alarms.toString());
        assertEquals("R1-cam3", alarms.get(0).id());
        assertEquals(HealthState.ONLINE, f.monitor.health("R1-cam0").state());
    }

    @Test
    void aCutRoomIsOneUnreachableAlarmAndItsCamerasRecoverSilently() {
        f.cameras("R1", 6);
        f.cameras("R2", 6);
        boolean[] cut = {false};
        f.answers = id -> cut[0] && id.startsWith("R1") ? refused()
                : new ProbeOutcome(true, 10, null, null, null, null, null, null);
        f.start(8);
        f.monitor.tick();
        f.run(Duration.ofSeconds(120));
        f.events.clear();
        cut[0] = true;
        f.run(Duration.ofSeconds(90));
        assertTrue(f.monitor.siteUnreachable("R1"));
        cut[0] = false;
        f.run(Duration.ofSeconds(120));
        assertTrue(!f.monitor.siteUnreachable("R1"));
        List<HealthEvent> alarms = f.alarms();
        assertEquals(1, alarms.size(), f.events.toString());
        assertEquals(HealthEvent.Subject.SITE, alarms.get(0).subject());
        assertEquals("R1", alarms.get(0).id());
        assertTrue(f.events.stream().noneMatch(e -> e.subject() == HealthEvent.Subject.CAMERA && e.to().equals("OFFLINE")),
                "no camera of the cut room went OFFLINE: " + f.events);
        assertTrue(f.events.stream().anyMatch(e -> e.id().equals("R1") && e.to().equals("REACHABLE")));
        assertTrue(Set.of("ONLINE").contains(f.monitor.health("R1-cam2").state().name()));
    }

    @Test
    void camerasInALongCutAreGroupedUnderTheirSite() {
        f.cameras("R1", 4);
        f.cameras("R2", 4);
        boolean[] cut = {false};
        f.answers = id -> cut[0] && id.startsWith("R1") ? refused()
                : new ProbeOutcome(true, 10, null, null, null, null, null, null);
        f.start(8);
        f.monitor.tick();
        f.run(Duration.ofSeconds(60));
        cut[0] = true;
        f.run(Duration.ofSeconds(300));
        List<HealthEvent> offline = f.events.stream().filter(e -> e.to().equals("OFFLINE")).toList();
        assertEquals(4, offline.size(), f.events.toString());
        assertTrue(offline.stream().allMatch(e -> !e.alarm() && "R1".equals(e.groupedBy())), offline.toString());
        assertEquals(1, f.alarms().size(), "only the room's UNREACHABLE: " + f.alarms());
    }

    @Test
    void camerasAddedAndDeletedAreFollowedAtTheNextTurn() {
        f.cameras("R1", 3);
        f.start(8);
        f.monitor.tick();
        f.run(Duration.ofSeconds(60));
        f.cameras("R2", 2);
        f.registry.deleteCamera("R1-cam0");
        f.run(Duration.ofSeconds(120));
        assertEquals(null, f.monitor.health("R1-cam0"));
        assertEquals(HealthState.ONLINE, f.monitor.health("R2-cam1").state());
    }
}
