package org.wardnet.storage.stores;

import org.junit.jupiter.api.BeforeEach;
import org.wardnet.config.WardnetConfig;

/** A test class whose {@link StoreTest}s use {@link #store} (H2 in one run, PostgreSQL in the other). */
public abstract class StoreTestCase {

    /** This run's store. */
    protected TestStore store;

    @BeforeEach
    void useStore(TestStore store) {
        this.store = store;
    }

    /** This run's configuration, naming its store. */
    protected WardnetConfig config() {
        return store.config();
    }
}
