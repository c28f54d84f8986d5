package org.wardnet.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.wardnet.adapters.discovery.WsDiscoveryClient;
import org.wardnet.adapters.install.CameraInspector;
import org.wardnet.adapters.onvif.OnvifHttpClient;
import org.wardnet.adapters.onvif.OnvifSettings;
import org.wardnet.adapters.onvif.SafeXmlReader;
import org.wardnet.adapters.onvif.SoapEnvelope;
import org.wardnet.adapters.recording.FfmpegMediaFiles;
import org.wardnet.adapters.recording.SegmentRecorder;
import org.wardnet.adapters.rtsp.RtspCameraProber;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.adapters.rtsp.RtspProber;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.clips.MediaFiles;
import org.wardnet.core.health.CameraProber;
import org.wardnet.core.install.CameraInspection;
import org.wardnet.core.install.DeviceDiscovery;
import org.wardnet.core.recording.StreamRecorders;

/**
 * The device side wired from configuration: the health prober on event loops of its own (so a
 * flood of probes cannot slow the API), ONVIF discovery and inspection on two more, the FFmpeg
 * recorder and media files. Closing it stops those event loops; the use cases that hold these
 * parts must be closed first.
 */
final class DeviceAdapters implements AutoCloseable {

    private final EventLoopGroup probeLoops;
    private final EventLoopGroup installerLoops;
    private final CameraProber prober;
    private final DeviceDiscovery discovery;
    private final CameraInspection inspection;

    DeviceAdapters(WardnetConfig config) {
        this.probeLoops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                NioIoHandler.newFactory());
        int requestTimeout = config.get(WardnetKeys.HEALTH_REQUEST_TIMEOUT_MILLIS);
        RtspProber rtsp = new RtspProber(probeLoops, new RtspProbeSettings(
                config.get(WardnetKeys.HEALTH_CONNECT_TIMEOUT_MILLIS), requestTimeout, Math.max(requestTimeout, 10_000),
                8_192, 65_536, 3));
        this.prober = new RtspCameraProber(rtsp);
        this.installerLoops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        OnvifSettings settings = new OnvifSettings(config.get(WardnetKeys.ONVIF_CONNECT_TIMEOUT_MILLIS),
                config.get(WardnetKeys.ONVIF_REPLY_TIMEOUT_MILLIS), config.get(WardnetKeys.ONVIF_MAX_RESPONSE_BYTES));
        RtspProber streams = new RtspProber(installerLoops, new RtspProbeSettings(settings.connectTimeoutMillis(),
                settings.replyTimeoutMillis(), 10_000, RtspProbeSettings.DEFAULTS.maxHeaderBytes(),
                RtspProbeSettings.DEFAULTS.maxBodyBytes(), RtspProbeSettings.DEFAULTS.maxRedirects()));
        this.inspection = new CameraInspector(new OnvifHttpClient(installerLoops, settings),
                new SoapEnvelope(new SafeXmlReader(settings.maxResponseBytes())), streams,
                Duration.ofSeconds(config.get(WardnetKeys.ONVIF_CLOCK_WARNING_SECONDS)), Clock.systemUTC());
        this.discovery = new WsDiscoveryClient(installerLoops, new SafeXmlReader(64 * 1024));
    }

    CameraProber prober() {
        return prober;
    }

    DeviceDiscovery discovery() {
        return discovery;
    }

    CameraInspection inspection() {
        return inspection;
    }

    StreamRecorders recorders() {
        return SegmentRecorder::new;
    }

    MediaFiles mediaFiles() {
        return new FfmpegMediaFiles();
    }

    @Override
    public void close() {
        probeLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        installerLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
