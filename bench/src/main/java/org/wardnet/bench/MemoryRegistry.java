package org.wardnet.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.CameraImport;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.RegistryStore;
import org.wardnet.core.registry.SiteDraft;

/** A registry held in memory only, loaded with sites and cameras, for the monitor's benchmarks. */
final class MemoryRegistry {

    private MemoryRegistry() {
    }

    static Registry loaded(List<SiteDraft> sites, List<CameraDraft> cameras) {
        Registry registry = Registry.open(RegistryStore.none(), Clock.systemUTC());
        sites.forEach(registry::createSite);
        List<CameraImport.Row> rows = new ArrayList<>(cameras.size());
        for (CameraDraft camera : cameras) {
            rows.add(new CameraImport.Row(rows.size() + 1, camera, List.of()));
        }
        CameraImport.Outcome outcome = registry.importCameras(rows, true);
        if (!outcome.applied()) {
            throw new IllegalStateException(outcome.failed() + " cameras could not be registered");
        }
        return registry;
    }
}
