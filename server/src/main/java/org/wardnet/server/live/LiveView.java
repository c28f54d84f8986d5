package org.wardnet.server.live;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.wardnet.adapters.live.LiveRelay;
import org.wardnet.adapters.live.LiveRelaySettings;
import org.wardnet.adapters.live.RelayMeters;
import org.wardnet.adapters.live.RelayRtspServer;
import org.wardnet.adapters.live.TranscodeSettings;
import org.wardnet.adapters.live.UpstreamStats;
import org.wardnet.adapters.rtsp.NettyTransports;
import org.wardnet.adapters.rtsp.RtspProbeSettings;
import org.wardnet.app.access.Authenticator;
import org.wardnet.app.audit.AuditLog;
import org.wardnet.app.live.LiveSessions;
import org.wardnet.app.live.LiveTickets;
import org.wardnet.config.LiveKeys;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.access.SiteTree;
import org.wardnet.core.recording.StreamRecorders;
import org.wardnet.core.registry.Registry;

/**
 * The live view wired from configuration ({@code live.*}): the relay on event loops of its own,
 * its RTSP server on {@code server.host:live.rtspPort}, sessions admitted by {@link LiveSessions},
 * and the recorder routed through the relay when {@code live.recordThroughRelay} is set (with a
 * credential made at start that only this process knows).
 */
public final class LiveView implements AutoCloseable {

    private final EventLoopGroup loops;
    private final LiveRelay relay;
    private final RelayRtspServer rtsp;
    private final LiveSessions sessions;
    private final ThreadPoolExecutor admissions;
    private final String recorderSecret;
    private final String host;
    private final boolean recordThrough;
    private final SessionGate gate;
    private final int writeBufferBytes;

    private LiveView(EventLoopGroup loops, LiveRelay relay, RelayRtspServer rtsp, LiveSessions sessions,
            ThreadPoolExecutor admissions, String recorderSecret, String host, boolean recordThrough, SessionGate gate,
            int writeBufferBytes) {
        this.gate = gate;
        this.writeBufferBytes = writeBufferBytes;
        this.loops = loops;
        this.relay = relay;
        this.rtsp = rtsp;
        this.sessions = sessions;
        this.admissions = admissions;
        this.recorderSecret = recorderSecret;
        this.host = host;
        this.recordThrough = recordThrough;
    }

    /**
     * Starts the relay and its RTSP server; null when {@code live.enabled} is false.
     *
     * @throws UncheckedIOException naming the keys when the RTSP port cannot be bound
     */
    public static LiveView start(WardnetConfig config, Registry registry, Authenticator authenticator, SiteTree sites,
            AuditLog audit) throws InterruptedException {
        if (!config.get(LiveKeys.LIVE_ENABLED)) {
            return null;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Clock clock = Clock.systemUTC();
        LiveSessions sessions = new LiveSessions(authenticator, registry, sites, audit,
                new LiveTickets(clock, Duration.ofSeconds(config.get(LiveKeys.LIVE_TICKET_SECONDS))),
                config.get(LiveKeys.LIVE_MAX_SESSIONS_PER_USER), secret, clock);
        ThreadPoolExecutor admissions = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                runnable -> {
                    Thread thread = new Thread(runnable, "wardnet-live-admit");
                    thread.setDaemon(true);
                    return thread;
                });
        int mediaTimeout = config.get(LiveKeys.LIVE_MEDIA_TIMEOUT_SECONDS) * 1_000;
        LiveRelaySettings settings = new LiveRelaySettings(new RtspProbeSettings(
                config.get(WardnetKeys.HEALTH_CONNECT_TIMEOUT_MILLIS), config.get(WardnetKeys.HEALTH_REQUEST_TIMEOUT_MILLIS),
                mediaTimeout, 8_192, 65_536, 0), config.get(LiveKeys.LIVE_LINGER_SECONDS) * 1_000L,
                config.get(LiveKeys.LIVE_MAX_STREAMS), config.get(LiveKeys.LIVE_MAX_CONSUMERS_PER_STREAM),
                config.get(LiveKeys.LIVE_KEPT_BYTES), config.get(LiveKeys.LIVE_SLOW_CONSUMER_SECONDS) * 1_000L,
                500, 30_000);
        EventLoopGroup loops = NettyTransports.newGroup(Runtime.getRuntime().availableProcessors());
        LiveRelay relay = new LiveRelay(loops, settings, new TranscodeSettings(
                config.get(LiveKeys.LIVE_MAX_TRANSCODES), config.get(LiveKeys.LIVE_TRANSCODE_HEIGHT)));
        String host = config.get(WardnetKeys.SERVER_HOST);
        RelayRtspServer rtsp;
        SessionGate gate = new SessionGate(sessions, admissions);
        try {
            rtsp = RelayRtspServer.bind(loops, loops, host, config.get(LiveKeys.LIVE_RTSP_PORT), relay, gate,
                    config.get(LiveKeys.LIVE_WRITE_BUFFER_BYTES), 0);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) { // Netty rethrows bind failures undeclared
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            admissions.shutdownNow();
            throw new UncheckedIOException(new IOException("cannot listen for live RTSP on " + host + ":"
                    + config.get(LiveKeys.LIVE_RTSP_PORT) + " (server.host, live.rtspPort; live.enabled=false turns"
                    + " it off): " + e.getMessage(), e));
        }
        return new LiveView(loops, relay, rtsp, sessions, admissions, secret, host,
                config.get(LiveKeys.LIVE_RECORD_THROUGH_RELAY), gate, config.get(LiveKeys.LIVE_WRITE_BUFFER_BYTES));
    }

    /** Registers the relay's meters: streams, consumers and sessions now; pictures, drops and bytes since start. */
    public void bindMetrics(MeterRegistry registry) {
        Gauge.builder("wardnet.live.streams", relay, r -> r.streams().size())
                .description("Camera streams pulled by the live relay now").register(registry);
        Gauge.builder("wardnet.live.consumers", relay, r -> r.streams().stream().mapToInt(UpstreamStats::consumers).sum())
                .description("Consumers of relayed streams now (RTSP and browser viewers, the recorder)").register(registry);
        Gauge.builder("wardnet.live.sessions", sessions, s -> s.open().size())
                .description("Live sessions open now").register(registry);
        RelayMeters meters = relay.meters();
        FunctionCounter.builder("wardnet.live.pictures", meters, RelayMeters::pictures)
                .description("Pictures received from cameras and fanned out").register(registry);
        FunctionCounter.builder("wardnet.live.pictures.dropped", meters, RelayMeters::dropped)
                .description("Pictures not sent to a viewer that could not take them").register(registry);
        FunctionCounter.builder("wardnet.live.slow.disconnects", meters, RelayMeters::slowDisconnects)
                .description("Viewers disconnected for reading too slowly").register(registry);
        FunctionCounter.builder("wardnet.live.bytes.out", meters, RelayMeters::bytesOut).baseUnit("bytes")
                .description("Bytes sent to live consumers").register(registry);
    }

    /** The recorders to use: through the relay when {@code live.recordThroughRelay}, else {@code direct}. */
    public StreamRecorders recorders(StreamRecorders direct) {
        if (!recordThrough) {
            return direct;
        }
        return (cameraId, url, username, password, directory, settings, listener, clock) -> direct.create(cameraId,
                localUrl(cameraId), LiveSessions.RECORDER, recorderSecret, directory, settings, listener, clock);
    }

    /** The relay's URL of a camera's main stream, as this host reaches it. */
    private String localUrl(String cameraId) {
        String reach = host.equals("0.0.0.0") || host.equals("::") || host.isEmpty() ? "127.0.0.1" : host;
        return "rtsp://" + (reach.contains(":") ? "[" + reach + "]" : reach) + ":" + rtsp.port() + "/live/" + cameraId;
    }

    public int rtspPort() {
        return rtsp.port();
    }

    public LiveRelay relay() {
        return relay;
    }

    public LiveSessions sessions() {
        return sessions;
    }

    /** Admits sessions of any transport (RTSP here, WebSockets through the HTTP API). */
    SessionGate gate() {
        return gate;
    }

    /** Bytes a viewer's connection may queue before its pictures are dropped. */
    int writeBufferBytes() {
        return writeBufferBytes;
    }

    @Override
    public void close() {
        rtsp.close();
        relay.close();
        admissions.shutdownNow();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
