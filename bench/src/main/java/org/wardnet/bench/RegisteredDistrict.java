package org.wardnet.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.config.WardnetConfig;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.CameraImport;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.simulator.district.District;
import org.wardnet.storage.Database;
import org.wardnet.storage.registry.JdbcRegistryStore;
import org.wardnet.storage.secrets.SecretKeys;
import org.wardnet.storage.track.JdbcTrackStore;

/** Puts a district's sites, cameras and street grid in a store, as a benchmark's starting point. */
public final class RegisteredDistrict {

    private RegisteredDistrict() {
    }

    public static void register(Database db, WardnetConfig config, District district) {
        Registry registry = Registry.open(new JdbcRegistryStore(db.dataSource(), SecretKeys.load(config)),
                Clock.systemUTC());
        for (SiteDraft site : district.sites()) {
            registry.createSite(site);
        }
        List<CameraImport.Row> rows = new ArrayList<>();
        for (CameraDraft camera : district.cameras()) {
            rows.add(new CameraImport.Row(rows.size() + 1, camera, List.of()));
        }
        registry.importCameras(rows, true);
        new JdbcTrackStore(db.dataSource()).replaceStreets(district.grid().segments());
    }
}
