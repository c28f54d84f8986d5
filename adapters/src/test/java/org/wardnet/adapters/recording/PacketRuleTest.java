package org.wardnet.adapters.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;

/** The packet rules on the sequences cameras send: no timestamp first, no key frame yet, DTS going back. */
class PacketRuleTest {

    @Test
    void aSessionStartsOnTheFirstKeyFrameWithATimestamp() {
        assertEquals(PacketRule.NO_TIMESTAMP, PacketRule.judge(avutil.AV_NOPTS_VALUE, true, false, Long.MIN_VALUE));
        assertEquals(PacketRule.BEFORE_KEY_FRAME, PacketRule.judge(100, false, false, Long.MIN_VALUE));
        assertEquals(PacketRule.KEEP, PacketRule.judge(200, true, false, Long.MIN_VALUE));
    }

    @Test
    void decodingTimeMustMoveForwardOnceWriting() {
        assertEquals(PacketRule.KEEP, PacketRule.judge(300, false, true, 200));
        assertEquals(PacketRule.NOT_INCREASING, PacketRule.judge(300, false, true, 300));
        assertEquals(PacketRule.NOT_INCREASING, PacketRule.judge(250, true, true, 300));
        assertEquals(PacketRule.NO_TIMESTAMP, PacketRule.judge(avutil.AV_NOPTS_VALUE, false, true, 300));
    }

    @Test
    void everyDropIsCountedUnderItsReason() {
        RecorderCounters counters = new RecorderCounters();
        counters.dropped(PacketRule.NO_TIMESTAMP);
        counters.dropped(PacketRule.BEFORE_KEY_FRAME);
        counters.dropped(PacketRule.BEFORE_KEY_FRAME);
        counters.dropped(PacketRule.NOT_INCREASING);
        assertEquals(1, counters.droppedWithoutTimestamp());
        assertEquals(2, counters.droppedBeforeKeyFrame());
        assertEquals(1, counters.droppedNonIncreasing());
    }
}
