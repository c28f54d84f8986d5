package org.wardnet.simulator.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.adapters.recording.MediaProbe;
import org.wardnet.adapters.recording.SegmentRecorder;
import org.wardnet.core.recording.RecorderSettings;
import org.wardnet.core.recording.Segment;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.rtsp.H264Clip;
import org.wardnet.simulator.run.SimulatedDistrict;

/** The recorder against simulated cameras that misbehave: no key frames after the first, a stalled stream. */
class RecorderFaultsTest {

    @TempDir
    Path dir;

    private static final RecorderSettings SETTINGS = new RecorderSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(3));

    private static SegmentRecorder recorder(String id, int host, Path dir, List<Segment> segments) {
        return new SegmentRecorder(id, "rtsp://127.1.243." + host + ":18565/live", "admin", "pw", dir.resolve(id), SETTINGS,
                segments::add, Clock.systemUTC());
    }

    @Test
    void noKeyFrameForTooLongRestartsTheSessionAndAStallReconnects() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        SimulatedCamera noKeys = SimulatedCamera.of("nokeys", "rtsp://127.1.243.1:554/live", null, "admin", "pw", 18565);
        SimulatedCamera stalled = SimulatedCamera.of("stalled", "rtsp://127.1.243.2:554/live", null, "admin", "pw", 18565);
        stalled.fault(CameraFault.STALLED_MEDIA);
        List<Segment> segments = new CopyOnWriteArrayList<>();
        List<Segment> none = new CopyOnWriteArrayList<>();
        try (SimulatedDistrict district = SimulatedDistrict.start(group, H264Clip.shipped(), List.of(noKeys, stalled))) {
            SegmentRecorder first = recorder("nokeys", 1, dir, segments);
            SegmentRecorder second = recorder("stalled", 2, dir, none);
            Thread a = new Thread(first);
            Thread b = new Thread(second);
            a.start();
            b.start();
            for (int i = 0; i < 100 && first.counters().packets() < 60; i++) {
                Thread.sleep(100); // recording normally for a couple of seconds first
            }
            noKeys.fault(CameraFault.NO_KEY_FRAMES); // from now on its encoder never sends another key frame
            // a restart is counted as a key-frame timeout first and as a reconnect once the new session opens
            for (int i = 0; i < 200 && (first.counters().keyFrameTimeouts() < 2 || first.counters().reconnects() < 2
                    || second.counters().stalls() < 1); i++) {
                Thread.sleep(100); // bounded: the faults show within seconds
            }
            first.stop();
            second.stop();
            a.join(10_000);
            b.join(10_000);
            assertTrue(first.counters().keyFrameTimeouts() >= 2, "restarted for want of key frames: packets "
                    + first.counters().packets() + ", before key " + first.counters().droppedBeforeKeyFrame() + ", reconnects "
                    + first.counters().reconnects() + ", stalls " + first.counters().stalls() + ", segments " + segments);
            assertTrue(first.counters().reconnects() >= 2);
            // whether a session's first packet lacks its DTS depends on when the sender report arrives;
            // the rule itself is PacketRuleTest's
            Segment last = segments.get(segments.size() - 1);
            long millis = Duration.between(last.start(), last.end()).toMillis();
            assertTrue(millis > 2_500, "no key frame to cut at: the last segment ran past its 2 s: " + millis);
            assertTrue(MediaProbe.probe(last.file()).durationMillis() > 2_500, "and it plays to its end");
            assertTrue(second.counters().stalls() >= 1 || second.counters().reconnects() >= 1,
                    "a stream that never sends media is restarted");
            assertEquals(0, none.size(), "and writes no segment");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
