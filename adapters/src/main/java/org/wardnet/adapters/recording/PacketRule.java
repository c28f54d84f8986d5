package org.wardnet.adapters.recording;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * Which video packets a recording keeps. RTSP can deliver a session's first packets before their
 * timing is known (no DTS), and a camera's encoder can send DTS that go backwards; a segment must
 * start on a key frame. Each dropped packet is counted under its reason.
 */
enum PacketRule {
    KEEP,
    /** No decoding timestamp: the muxer cannot place it. */
    NO_TIMESTAMP,
    /** No segment is open and this is not a key frame to open one on. */
    BEFORE_KEY_FRAME,
    /** Its DTS does not move past the last one written. */
    NOT_INCREASING;

    /**
     * @param segmentOpen whether a segment is being written
     * @param lastDts     the DTS last written, or {@link Long#MIN_VALUE} when none
     */
    static PacketRule judge(long dts, boolean key, boolean segmentOpen, long lastDts) {
        if (dts == avutil.AV_NOPTS_VALUE) {
            return NO_TIMESTAMP;
        }
        if (!segmentOpen && !key) {
            return BEFORE_KEY_FRAME;
        }
        if (dts <= lastDts) {
            return NOT_INCREASING;
        }
        return KEEP;
    }
}
