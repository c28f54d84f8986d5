package org.wardnet.core.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.wardnet.core.errors.StoreUnavailableException;

/** A store that keeps applied changes in a list and can be told to fail, for rule tests. */
final class RecordingStore implements RegistryStore {

    final List<RegistryChange> applied = new ArrayList<>();
    /** What site() and camera() answer: as another server left the store. */
    final Map<String, Site> storedSites = new ConcurrentHashMap<>();
    final Map<String, Camera> storedCameras = new ConcurrentHashMap<>();
    boolean failNext;

    @Override
    public Snapshot load() {
        return new Snapshot(List.of(), List.of());
    }

    @Override
    public void apply(List<RegistryChange> changes) {
        if (failNext) {
            failNext = false;
            throw new StoreUnavailableException("disk full", null);
        }
        applied.addAll(changes);
    }

    @Override
    public Optional<Site> site(String id) {
        return Optional.ofNullable(storedSites.get(id));
    }

    @Override
    public Optional<Camera> camera(String id) {
        return Optional.ofNullable(storedCameras.get(id));
    }
}
