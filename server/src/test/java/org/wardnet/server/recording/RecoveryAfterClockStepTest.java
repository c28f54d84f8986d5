package org.wardnet.server.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.adapters.peers.Peers;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipOrigin;
import org.wardnet.core.clips.OpenSegments;
import org.wardnet.server.TestServer;

/**
 * The process died while a segment was open, after the wall clock had been stepped back: the open
 * segment's name sorts before footage already indexed. Start-up finds it by the recorder's marker
 * and indexes it (a walk newest-first by name stopped at the indexed 10:01 segment and left it out).
 * Real MP4 files made by Debian's ffmpeg, a real store.
 */
class RecoveryAfterClockStepTest {

    @TempDir
    Path data;
    @TempDir
    Path scratch;

    @Test
    void theSegmentOpenAtTheCrashIsIndexedWhereverItsNameSorts() throws Exception {
        Path clip = Peers.clip(scratch, "320x240", 3);
        Path camera = Files.createDirectories(data.resolve("recordings").resolve("cam-s"));
        Instant ten = Instant.parse("2026-12-06T10:00:00Z");
        try (TestServer server = TestServer.start(data)) {
            // Recorded and indexed before the clock was stepped back.
            Path first = Files.copy(clip, camera.resolve("20261206T100000.000Z.mp4"));
            Path second = Files.copy(clip, camera.resolve("20261206T100100.000Z.mp4"));
            server.server.clips().add(List.of(recorded(first, ten), recorded(second, ten.plusSeconds(60))));
        }
        // The clock was stepped back to 09:30; the segment opened then was open when the process was killed.
        Path stepped = Files.copy(clip, camera.resolve("20261206T093000.000Z.mp4"));
        Files.createFile(OpenSegments.markerOf(stepped));

        try (TestServer server = TestServer.start(data)) {
            List<Clip> found = server.server.clips().overlapping("cam-s", Instant.parse("2026-12-06T09:30:00Z"),
                    Instant.parse("2026-12-06T09:31:00Z"), null, 10);
            assertEquals(1, found.size(), "the stepped-back segment is indexed");
            assertEquals(stepped.toAbsolutePath().toString(), found.get(0).media());
            assertEquals(ClipOrigin.RECORDED, found.get(0).origin());
            assertFalse(Files.exists(OpenSegments.markerOf(stepped)), "its marker is gone");
            assertEquals(1, server.server.clips().overlapping("cam-s", ten, ten.plusSeconds(1), null, 10).size(),
                    "indexed footage is not indexed twice");
        }
    }

    private static Clip recorded(Path file, Instant start) throws Exception {
        return new Clip(0, "cam-s", start, start.plusSeconds(3), file.toAbsolutePath().toString(), Files.size(file),
                "H264", 320, 240, 3, null, ClipOrigin.RECORDED);
    }
}
