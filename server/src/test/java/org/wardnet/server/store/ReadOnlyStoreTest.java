package org.wardnet.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.server.ChildServer;
import org.wardnet.server.SmallDisk;

/**
 * A data directory that takes no writes (a read-only filesystem; as root, permissions would not
 * stop it). A server started on one stops at once with one line naming the store, the directory
 * and the reason, and no stack trace of the database's own on the console. Under a running server
 * (its directory on a tmpfs of the server's own made to take no new file, as a disk a kernel
 * remounted read-only after errors would) readiness says so while requests go on being answered,
 * and it is ready again once the directory takes files.
 */
class ReadOnlyStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aReadOnlyDataDirectoryIsRefusedWithOneClearLine() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("ro"));
        Path data = mount.resolve("data");
        AssertionError refused = assertThrows(AssertionError.class, () -> ChildServer.start(
                SmallDisk.readOnlyAt(mount), List.of("--data", data.toString(), "--set", "health.enabled=false")));
        String said = refused.getMessage();
        assertTrue(said.contains("cannot open the store H2 " + data.resolve("wardnet") + ".mv.db (store.dataDir)"), said);
        assertTrue(said.contains("Read-only file system"), said);
        assertFalse(said.contains("\tat "), "no stack trace: " + said);
    }

    @Test
    void aDataDirectoryThatTakesNoNewFileUnderARunningServerMakesItNotReadyUntilItDoes() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        ChildServer server = ChildServer.start(SmallDisk.mountedAt(data, "96m"),
                List.of("--data", data.toString(), "--set", "health.enabled=false"));
        Path seen = SmallDisk.asSeenBy(server.process(), data);
        try {
            String base = server.base();
            assertEquals(200, ChildServer.request("GET", base + "/readyz", null, null).statusCode());
            SmallDisk.refuseNewFiles(seen, true);

            HttpResponse<String> ready = ChildServer.request("GET", base + "/readyz", null, null);
            assertEquals(503, ready.statusCode(), ready.body());
            String reason = JSON.readTree(ready.body()).at("/checks/store/reason").asText();
            assertTrue(reason.contains("the data directory " + data + " (store.dataDir) takes no new file")
                    && reason.contains("Operation not permitted"), ready.body());
            // files already open still take writes: the store's own, and the audit journal's
            assertEquals(201, ChildServer.request("POST", base + "/api/v1/sites", "application/json",
                    "{\"id\":\"C\",\"name\":\"Center\",\"tier\":\"CENTER\"}").statusCode());
            assertEquals(200, ChildServer.request("GET", base + "/api/v1/sites/C", null, null).statusCode());

            SmallDisk.refuseNewFiles(seen, false);
            assertEquals(200, ChildServer.request("GET", base + "/readyz", null, null).statusCode(),
                    "ready again once the directory takes files");
        } finally {
            if (server.process().isAlive()) {
                SmallDisk.refuseNewFiles(seen, false);
            }
            server.stop();
        }
    }
}
