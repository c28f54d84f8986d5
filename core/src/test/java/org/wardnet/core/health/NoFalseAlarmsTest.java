package org.wardnet.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scenario, on the real monitor and state machine with a scripted prober: 30 % of
 * cameras slow (1 to 3 s), 2 % flapping (20 s up, 20 s down), 1 % dead, and one room's link cut for
 * 90 s. No healthy camera may ever be OFFLINE; every dead one must be OFFLINE within 3 intervals;
 * the cut room is one UNREACHABLE alarm and its cameras come back without alarms.
 */
class NoFalseAlarmsTest {

    @Test
    void slowFlappingDeadAndACutRoom() {
        MonitorFixture f = new MonitorFixture();
        f.cameras("R1", 300);
        f.cameras("R2", 40);
        Random random = new Random(2014);
        Set<String> slow = new HashSet<>();
        Set<String> flapping = new HashSet<>();
        Set<String> dead = new HashSet<>();
        Map<String, Long> latency = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            String id = "R1-cam" + i;
            double roll = random.nextDouble();
            if (roll < 0.30) {
                slow.add(id);
                latency.put(id, 1_000L + random.nextInt(2_001));
            } else if (roll < 0.32) {
                flapping.add(id);
            } else if (roll < 0.33) {
                dead.add(id);
            }
        }
        Instant start = f.clock.instant();
        Instant cutFrom = start.plusSeconds(240);
        Instant cutUntil = cutFrom.plusSeconds(90);
        f.answers = id -> {
            Instant now = f.clock.instant();
            boolean cut = id.startsWith("R2") && !now.isBefore(cutFrom) && now.isBefore(cutUntil);
            long second = Duration.between(start, now).toSeconds() + (id.hashCode() & 0xFF);
            if (cut || dead.contains(id) || (flapping.contains(id) && (second / 20) % 2 == 1)) {
                return ProbeOutcome.failed(2, ProbeErrorClass.REFUSED, "Connection refused");
            }
            return new ProbeOutcome(true, latency.getOrDefault(id, 15L), null, null, "H264", 640, 360, null);
        };
        Map<String, Instant> offlineAt = new HashMap<>();
        f.start(64);
        f.monitor.tick();
        for (int s = 0; s < 600; s++) {
            f.run(Duration.ofSeconds(1));
            for (CameraHealth h : f.monitor.all().values()) {
                if (h.state() == HealthState.OFFLINE) {
                    offlineAt.putIfAbsent(h.cameraId(), f.clock.instant());
                }
            }
        }
        Set<String> healthy = new HashSet<>(f.monitor.all().keySet());
        healthy.removeAll(dead);
        healthy.removeAll(flapping);
        List<String> falseOffline = healthy.stream().filter(offlineAt::containsKey).toList();
        assertTrue(falseOffline.isEmpty(), "healthy cameras reported OFFLINE: " + falseOffline);
        for (String id : dead) {
            assertTrue(offlineAt.containsKey(id), id + " never OFFLINE");
            assertTrue(!offlineAt.get(id).isAfter(start.plusSeconds(180)), id + " OFFLINE only at " + offlineAt.get(id));
        }
        List<HealthEvent> roomAlarms = f.alarms().stream().filter(e -> e.id().equals("R2")).toList();
        assertEquals(1, roomAlarms.size(), "the cut room is one alarm: " + roomAlarms);
        assertEquals("UNREACHABLE", roomAlarms.get(0).to());
        assertTrue(f.alarms().stream().noneMatch(e -> e.id().startsWith("R2-")), "no alarm per camera of the cut room");
        assertTrue(f.events.stream().noneMatch(e -> e.id().startsWith("R2-") && e.to().equals("OFFLINE")),
                "the 90 s cut is shorter than OFFLINE's 120 s: no camera of the room went OFFLINE");
        assertTrue(f.monitor.all().entrySet().stream().filter(e -> e.getKey().startsWith("R2-"))
                .allMatch(e -> e.getValue().state() == HealthState.ONLINE), "the room's cameras are back");
        List<String> otherAlarms = f.alarms().stream().map(HealthEvent::id)
                .filter(id -> !id.equals("R2") && !dead.contains(id) && !flapping.contains(id)).toList();
        assertTrue(otherAlarms.isEmpty(), "alarms for healthy cameras: " + otherAlarms);
        assertEquals(0, f.monitor.probesMissed());
    }
}
