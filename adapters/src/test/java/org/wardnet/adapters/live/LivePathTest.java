package org.wardnet.adapters.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The relay's RTSP paths: a camera, its sub stream, either transcoded, a track, a ticket; anything else names nothing. */
class LivePathTest {

    @Test
    void eachStreamHasItsPath() {
        assertEquals(new StreamKey("cam-1", false, false), LivePath.parse("rtsp://h:8554/live/cam-1").stream());
        assertEquals(new StreamKey("cam-1", true, false), LivePath.parse("/live/cam-1/sub/trackID=0").stream());
        assertEquals(new StreamKey("cam-1", false, true), LivePath.parse("/live/cam-1/h264").stream());
        LivePath both = LivePath.parse("rtsp://h/live/cam-1/sub/h264/trackID=0?ticket=a%2Bb");
        assertEquals(new StreamKey("cam-1", true, true), both.stream());
        assertEquals("a+b", both.ticket());
        assertEquals("cam-1/sub/h264", both.stream().toString());
        assertEquals(new StreamKey("cam-1", true, false), both.stream().original());
    }

    @Test
    void otherPathsNameNoStream() {
        assertNull(LivePath.parse("/live/cam-1/h264/sub"));
        assertNull(LivePath.parse("/live/cam-1/sub/sub"));
        assertNull(LivePath.parse("/live/cam-1/h265"));
        assertNull(LivePath.parse("/live/cam-1/sub/h264/x"));
        assertNull(LivePath.parse("/live/"));
        assertNull(LivePath.parse("/other/cam-1"));
        assertNull(LivePath.parse("/live/cam 1"));
    }
}
