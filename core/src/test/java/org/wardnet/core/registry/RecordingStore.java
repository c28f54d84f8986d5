package org.wardnet.core.registry;

import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.errors.StoreUnavailableException;

/** A store that keeps applied changes in a list and can be told to fail, for rule tests. */
final class RecordingStore implements RegistryStore {

    final List<RegistryChange> applied = new ArrayList<>();
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
}
