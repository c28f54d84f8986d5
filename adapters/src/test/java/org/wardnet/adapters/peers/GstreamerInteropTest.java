package org.wardnet.adapters.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.adapters.rtsp.RtspProber;
import org.wardnet.core.health.ProbeDepth;
import org.wardnet.core.health.ProbeErrorClass;
import org.wardnet.core.health.ProbeOutcome;

/** Wardnet's RTSP client against a real, independent server: GStreamer's GstRtspServer. */
class GstreamerInteropTest {

    @TempDir
    static Path dir;
    private static Path clip;
    private static EventLoopGroup group;
    private static RtspProber prober;

    @BeforeAll
    static void start() throws Exception {
        clip = Peers.clip(dir, "640x360", 4);
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        prober = new RtspProber(group, RtspProbeSettings.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static ProbeOutcome probe(String url, String user, String password, ProbeDepth depth) throws Exception {
        return prober.probe(url, user, password, depth).get(30, TimeUnit.SECONDS);
    }

    @Test
    void describeAndMediaCheckThroughDigestAuthentication() throws Exception {
        try (Peers.GstServer server = Peers.gstreamer(clip, "admin", "s3cret", "digest")) {
            ProbeOutcome described = probe(server.url(), "admin", "s3cret", ProbeDepth.DESCRIBE);
            assertTrue(described.ok(), described.message());
            assertEquals("H264", described.codec());
            assertEquals(640, described.width());
            assertEquals(360, described.height());

            ProbeOutcome played = probe(server.url(), "admin", "s3cret", ProbeDepth.MEDIA);
            assertTrue(played.ok(), played.message());
            assertNotNull(played.keyFrameMillis());

            // Like many cameras, GStreamer answers OPTIONS to anyone: credentials are checked from DESCRIBE on.
            assertTrue(probe(server.url(), "admin", "wrong", ProbeDepth.OPTIONS).ok());
            assertEquals(ProbeErrorClass.AUTH_FAILED, probe(server.url(), "admin", "wrong", ProbeDepth.DESCRIBE).error());
            assertEquals(ProbeErrorClass.AUTH_FAILED, probe(server.url(), null, null, ProbeDepth.DESCRIBE).error());
        }
    }

    @Test
    void basicAuthenticationAndAnUnknownPath() throws Exception {
        try (Peers.GstServer server = Peers.gstreamer(clip, "viewer", "pw", "basic")) {
            assertTrue(probe(server.url(), "viewer", "pw", ProbeDepth.MEDIA).ok());
            ProbeOutcome missing = probe(server.url().replace("/clip", "/nothing-here"), "viewer", "pw",
                    ProbeDepth.DESCRIBE);
            assertEquals(ProbeErrorClass.NOT_FOUND, missing.error(), missing.message());
        }
    }
}
