package org.wardnet.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.server.ChildServer;

/**
 * The embedded store's file is held by a running server; a second server started on the same
 * data directory must stop at once with an error that names the store and why, and the first one
 * must go on answering and writing as before.
 */
class EmbeddedStoreLockTest {

    @TempDir
    Path data;

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefusedAndTheFirstGoesOn() throws Exception {
        List<String> onTheFile = List.of("--data", data.toString());
        ChildServer first = ChildServer.start(List.of(), onTheFile);
        try {
            assertEquals(201, ChildServer.request("POST", first.base() + "/api/v1/sites", "application/json",
                    "{\"id\":\"C\",\"name\":\"Center\",\"tier\":\"CENTER\"}").statusCode());
            AssertionError refused = assertThrows(AssertionError.class, () -> ChildServer.start(List.of(), onTheFile));
            String said = refused.getMessage();
            assertTrue(said.contains("cannot open the store H2 " + data.toAbsolutePath().normalize()), said);
            assertTrue(said.toLowerCase(java.util.Locale.ROOT).contains("lock"), said);
            assertEquals(201, ChildServer.request("POST", first.base() + "/api/v1/sites", "application/json",
                    "{\"id\":\"S\",\"name\":\"Sub\",\"tier\":\"SUBSTATION\",\"parentId\":\"C\"}").statusCode());
            assertEquals(200, ChildServer.request("GET", first.base() + "/readyz", null, null).statusCode());
        } finally {
            first.stop();
        }
    }
}
