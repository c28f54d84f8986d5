package org.wardnet.storage.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal on a filesystem that fills (a 1 MiB tmpfs mounted in a mount namespace of the child
 * process's own): room for a segment is taken when the segment starts, so a full disk refuses that
 * append with the reason and leaves no half-made segment; once there is room again appends go on,
 * and everything acknowledged is read back as one chain.
 */
class AuditJournalDiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskRefusesANewSegmentAndTheJournalGoesOnOnceThereIsRoom() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs -o size=1m tmpfs \"$0\" && exec \"$@\"", dir.toString(), java, "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), JournalOnAFullDisk.class.getName(), dir.toString()))
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child finished");
        String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), said);

        assertTrue(said.contains("cannot start the audit journal segment") && said.contains("No space left on device"),
                said);
        assertTrue(said.contains("files while full: [00000000000000000001.audit]"), "no half-made segment: " + said);
        int refusedAfter = Integer.parseInt(said.replaceAll("(?s).*refused after (\\d+):.*", "$1"));
        assertTrue(refusedAfter > 0, said);
        assertTrue(said.contains("appended once there was room: " + (refusedAfter + 10)), said);
        assertTrue(said.contains("read back " + (refusedAfter + 10) + ", identical true, chain holds true"), said);
    }
}
