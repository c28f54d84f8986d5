package org.wardnet.core.track;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The manual links in memory, by origin camera; the store holds them durably. Thread-safe. */
public final class TrackLinks {

    private final Map<String, List<TrackLink>> byFrom = new ConcurrentHashMap<>();

    public void put(TrackLink link) {
        byFrom.computeIfAbsent(link.from(), k -> new CopyOnWriteArrayList<>()).add(link);
    }

    public void remove(long id) {
        byFrom.values().forEach(list -> list.removeIf(l -> l.id() == id));
    }

    public List<TrackLink> from(String cameraId) {
        return byFrom.getOrDefault(cameraId, List.of());
    }
}
