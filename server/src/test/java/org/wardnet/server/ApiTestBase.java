package org.wardnet.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.config.WardnetConfig;

/**
 * A fresh server per test over a fresh store, with the small tree C > S1, S2 > R1, R2 created.
 * Subclasses may change the configuration by overriding {@link #configure}.
 */
public abstract class ApiTestBase {

    @TempDir
    protected Path dir;
    protected TestServer api;

    protected WardnetConfig configure(WardnetConfig config) {
        return config;
    }

    @BeforeEach
    void startServer() throws Exception {
        api = TestServer.start(dir, this::configure);
        api.smallTree();
    }

    @AfterEach
    void stopServer() {
        api.close();
    }
}
