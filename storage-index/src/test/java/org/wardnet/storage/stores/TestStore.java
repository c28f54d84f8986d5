package org.wardnet.storage.stores;

import java.nio.file.Path;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.storage.Database;

/**
 * The store one run of a {@link StoreTest} uses: an H2 file in a scratch directory, or an empty
 * database of its own on the scratch PostgreSQL server. Opening it again (a restart) finds what
 * the run wrote.
 */
public record TestStore(String name, WardnetConfig config) {

    public Database open() {
        return Database.open(config);
    }

    /** The store's data directory: the H2 file, or (PostgreSQL) only the credential-sealing key and such. */
    public Path dataDir() {
        return Path.of(config.get(WardnetKeys.STORE_DATA_DIR));
    }

    public boolean postgres() {
        return name.equals(BothStores.POSTGRES);
    }

    @Override
    public String toString() {
        return name;
    }
}
