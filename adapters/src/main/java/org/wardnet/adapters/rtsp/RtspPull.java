package org.wardnet.adapters.rtsp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import io.netty.handler.codec.rtsp.RtspMethods;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Pulls one camera's video over RTSP for the live relay: DESCRIBE, SETUP of the video track over
 * TCP (interleaved channels 0-1), or over UDP when the camera answers 461 to TCP, PLAY, then GET_PARAMETER every half of the session timeout the
 * camera announced, and a watchdog that ends the pull when no RTP arrives for the media timeout.
 * RTP of the video track is handed to the {@link Listener} as it arrives; RTCP is dropped.
 *
 * <p>The listener is called on the connection's event loop, {@link Listener#ended} exactly once
 * (unless {@link #close} came first). Limits: video only; a redirect (3xx) ends the pull instead
 * of being followed; TCP is asked first (it passes every firewall a camera sits behind and keeps one
 * connection per camera), UDP only when refused (see {@link UdpMediaPorts}: no receiver reports, no
 * reordering; a datagram lost is a gap).
 */
public final class RtspPull {

    private static final int UNSUPPORTED_TRANSPORT = 461;

    /** What a pull reports, on its event loop. */
    public interface Listener {

        /** PLAY was answered: packets follow. */
        void started(PulledStream stream);

        /** One RTP packet of the video track, valid only during the call (the caller releases it). */
        void packet(ByteBuf rtp);

        /** The pull is over (failed to start, lost, or stalled); {@code reason} says which. */
        void ended(String reason);
    }

    /**
     * The stream as the camera described it.
     *
     * @param sdp         the camera's SDP as sent
     * @param description the SDP parsed
     * @param videoIndex  which media section of it is the video pulled
     * @param video       that track's codec, clock and size
     */
    public record PulledStream(String sdp, SessionDescription description, int videoIndex, VideoTrack video) {
    }

    private final String url;
    private final Listener listener;
    private final RtspProbeSettings settings;
    private final long mediaTimeoutNanos;
    private final RtspConnection connection;
    private final Bootstrap bootstrap;
    private volatile Channel channel;
    private volatile boolean closed;
    private boolean ended;
    /** Between started() and ended(): packets outside it are not the listener's (they would precede or outlive the stream). */
    private boolean delivering;
    private long lastMedia;
    private ScheduledFuture<?> keepAlive;
    private ScheduledFuture<?> watchdog;
    private UdpMediaPorts udp;

    private RtspPull(EventLoopGroup group, RtspProbeSettings settings, String url, String username, String password,
            Listener listener) {
        this.url = url;
        this.listener = listener;
        this.settings = settings;
        this.mediaTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(settings.mediaTimeoutMillis());
        this.connection = new RtspConnection(username, password, settings.requestTimeoutMillis(), null);
        this.bootstrap = new Bootstrap().group(group).channel(NettyTransports.socketChannel(group))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.connectTimeoutMillis())
                .option(ChannelOption.TCP_NODELAY, true);
    }

    /**
     * Starts pulling {@code url} (rtsp://, no credentials in it); what happens is told to {@code listener}.
     *
     * @param settings connect and request timeouts, the media timeout (no RTP for this long ends the
     *                 pull), and the largest message and packet taken
     */
    public static RtspPull start(EventLoopGroup group, RtspProbeSettings settings, String url, String username,
            String password, Listener listener) {
        RtspPull pull = new RtspPull(group, settings, url, username, password, listener);
        pull.connect();
        return pull;
    }

    private void connect() {
        URI uri;
        try {
            uri = URI.create(url);
            if (!"rtsp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an rtsp:// URL with a host");
            }
        } catch (IllegalArgumentException e) {
            bootstrap.config().group().next().execute(() -> end("unusable URL '" + url + "': " + e.getMessage()));
            return;
        }
        bootstrap.handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new RtspFramer(settings.maxHeaderBytes(), settings.maxBodyBytes()),
                        new RtspEncoder(), new RtspDecoder(4096, settings.maxHeaderBytes(), settings.maxBodyBytes()),
                        new HttpObjectAggregator(settings.maxBodyBytes()), connection);
            }
        }).connect(uri.getHost(), uri.getPort() < 0 ? 554 : uri.getPort()).addListener(f -> {
            io.netty.channel.ChannelFuture connected = (io.netty.channel.ChannelFuture) f;
            channel = connected.channel();
            if (!f.isSuccess()) {
                channel.eventLoop().execute(() -> end("cannot connect: " + describe(f.cause())));
                return;
            }
            channel.closeFuture().addListener(c -> end("the camera closed the connection"));
            if (closed) {
                channel.close();
                return;
            }
            describeAndPlay();
        });
    }

    private void describeAndPlay() {
        connection.send(RtspMethods.DESCRIBE, url, Map.of("Accept", "application/sdp")).thenCompose(describe -> {
            if (describe.status() >= 300) {
                throw new RtspFailure(org.wardnet.core.health.ProbeErrorClass.SERVER_ERROR, "DESCRIBE answered "
                        + describe.status() + " (to " + describe.header("Location") + "); redirects are not followed");
            }
            SessionDescription sdp = SdpParser.parse(describe.body());
            SessionDescription.Media media = sdp.firstVideo().orElseThrow(() -> new SdpException(
                    "the camera's SDP has no video"));
            PulledStream stream = new PulledStream(describe.body(), sdp, sdp.media().indexOf(media), VideoTrack.of(sdp));
            String base = describe.header("Content-Base") != null ? describe.header("Content-Base").strip() : url;
            connection.onFrames(frame -> {
                if (frame.channel() == 0 && delivering) {
                    lastMedia = System.nanoTime();
                    listener.packet(frame.content());
                }
            });
            String track = ProbeSteps.resolve(base, media.control());
            return connection.send(RtspMethods.SETUP, track, Map.of("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1"))
                    .handle((setup, failed) -> failed == null ? CompletableFuture.completedFuture(setup)
                            : unwrap(failed) instanceof RtspFailure refused && refused.status() == UNSUPPORTED_TRANSPORT
                            ? setUpUdp(track) : CompletableFuture.<RtspResponse>failedFuture(unwrap(failed)))
                    .thenCompose(next -> next)
                    .thenCompose(setup -> {
                        long timeout = ProbeSteps.sessionTimeoutSeconds(setup.header("Session"));
                        return connection.send(RtspMethods.PLAY, base, Map.of("Range", "npt=0.000-"))
                                .thenAccept(play -> playing(stream, base, timeout));
                    });
        }).exceptionally(error -> {
            Throwable cause = unwrap(error);
            channel.eventLoop().execute(() -> end(describe(cause)));
            return null;
        });
    }

    /** The camera refused TCP (461): the track again over UDP, on a port pair of our own. */
    private CompletableFuture<RtspResponse> setUpUdp(String track) {
        InetSocketAddress local = (InetSocketAddress) channel.localAddress();
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        return UdpMediaPorts.bind(channel.eventLoop(), local.getAddress(), remote.getAddress(), packet -> {
            if (delivering) {
                lastMedia = System.nanoTime();
                listener.packet(packet);
            }
        }).thenCompose(ports -> {
            udp = ports;
            if (ended) {
                ports.close();
            }
            return connection.send(RtspMethods.SETUP, track, Map.of("Transport", "RTP/AVP/UDP;unicast;client_port="
                    + ports.rtpPort() + "-" + (ports.rtpPort() + 1)));
        });
    }

    private void playing(PulledStream stream, String base, long sessionTimeoutSeconds) {
        // at once when on the loop (the PLAY answer's own read): packets read right after it are the stream's
        Runnable start = () -> {
            if (ended) {
                return;
            }
            lastMedia = System.nanoTime();
            long period = Math.max(500, sessionTimeoutSeconds * 500);
            keepAlive = channel.eventLoop().scheduleAtFixedRate(
                    () -> connection.send(RtspMethods.GET_PARAMETER, base, Map.of()), period, period, TimeUnit.MILLISECONDS);
            long check = Math.max(100, settings.mediaTimeoutMillis() / 4);
            watchdog = channel.eventLoop().scheduleAtFixedRate(() -> {
                if (System.nanoTime() - lastMedia > mediaTimeoutNanos) {
                    end("no video from the camera for " + settings.mediaTimeoutMillis() + " ms");
                    channel.close();
                }
            }, check, check, TimeUnit.MILLISECONDS);
            delivering = true;
            listener.started(stream);
        };
        if (channel.eventLoop().inEventLoop()) {
            start.run();
        } else {
            channel.eventLoop().execute(start);
        }
    }

    /** Called on the event loop; tells the listener once, unless the pull was closed by its owner. */
    private void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        delivering = false;
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        if (channel != null) {
            channel.close();
        }
        if (udp != null) {
            udp.close();
        }
        if (!closed) {
            listener.ended(reason);
        }
    }

    /** Stops pulling (TEARDOWN is not waited for: the connection's close ends the session). */
    public void close() {
        closed = true;
        Channel open = channel;
        if (open != null) {
            open.eventLoop().execute(() -> end("closed"));
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
