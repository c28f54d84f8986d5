package org.wardnet.adapters.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** FFmpeg's error numbers, as JavaCV words them, with the system's text added. */
class FfmpegErrorsTest {

    @Test
    void aFullDiskIsNamedAsTheSystemNamesIt() {
        assertEquals("avformat_write_header error() error -28 (No space left on device): Could not write header",
                FfmpegErrors.explained("avformat_write_header error() error -28: Could not write header"));
        assertEquals("av_interleaved_write_frame() error -122 (Disk quota exceeded) while writing video packet",
                FfmpegErrors.explained("av_interleaved_write_frame() error -122 while writing video packet"));
    }

    @Test
    void numbersItDoesNotKnowAndOtherTextStayAsTheyAre() {
        assertEquals("avformat_open_input() error -1482175992: Could not open input",
                FfmpegErrors.explained("avformat_open_input() error -1482175992: Could not open input"));
        assertEquals("the stream ended", FfmpegErrors.explained("the stream ended"));
        assertEquals("error -2800: no", FfmpegErrors.explained("error -2800: no"));
        assertEquals(null, FfmpegErrors.explained(null));
    }

    @Test
    void javaCvsHintsToItsProgrammerAreTakenOut() {
        assertEquals("avformat_open_input() error -13 (Permission denied): Could not open input \"rtsp://h/x\".",
                FfmpegErrors.explained("avformat_open_input() error -13: Could not open input \"rtsp://h/x\". (Has"
                        + " setFormat() been called?) (For more details, make sure FFmpegLogCallback.set() has been"
                        + " called.)"));
    }
}
