package org.wardnet.server.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.server.ChildServer;
import org.wardnet.server.SmallDisk;

/**
 * A server started on a data directory that takes no writes (a read-only filesystem; as root,
 * permissions would not stop it) stops at once with one line naming the store, the directory and
 * the reason, and no stack trace of the database's own on the console.
 */
class ReadOnlyStoreTest {

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
}
