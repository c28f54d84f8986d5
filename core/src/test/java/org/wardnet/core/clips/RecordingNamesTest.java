package org.wardnet.core.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordingNamesTest {

    @Test
    void theNamesRecordersWrite() {
        Instant t = Instant.parse("2026-11-29T14:00:00Z");
        assertEquals(t, RecordingNames.startOf("20261129T140000Z.mp4").orElseThrow());
        assertEquals(t, RecordingNames.startOf("2026-11-29T14-00-00Z_cam.mp4").orElseThrow());
        assertEquals(t.plusMillis(250), RecordingNames.startOf("2026-11-29T14:00:00.25Z.mp4").orElseThrow());
        assertEquals(t, RecordingNames.startOf("cam1_2026-11-29_14-00-00.mp4").orElseThrow());
        // Wardnet's own, and the name its recorder gives when that one is taken (a clock stepped back)
        assertEquals(t.plusMillis(40), RecordingNames.startOf("20261129T140000.040Z.mp4").orElseThrow());
        assertEquals(t.plusMillis(40), RecordingNames.startOf("20261129T140000.040Z-2.mp4").orElseThrow());
        assertEquals(t, RecordingNames.startOf("x_20261399T000000_2026-11-29_14-00-00.mkv").orElseThrow(),
                "an impossible date is skipped for the next one");
        assertTrue(RecordingNames.startOf("clip-0001.mp4").isEmpty());
    }
}
