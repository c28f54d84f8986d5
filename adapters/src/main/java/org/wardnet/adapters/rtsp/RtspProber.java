package org.wardnet.adapters.rtsp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.wardnet.core.health.ProbeDepth;
import org.wardnet.core.health.ProbeErrorClass;
import org.wardnet.core.health.ProbeOutcome;

/**
 * Probes a camera's RTSP service on a fresh TCP connection: OPTIONS; then DESCRIBE (video codec
 * and size from the SDP); then SETUP over TCP (interleaved), PLAY, and the time until the first
 * key frame arrives, then TEARDOWN. Redirects are followed up to a bound. Every failure becomes a
 * {@link ProbeOutcome} with its {@link ProbeErrorClass}; the returned future never fails.
 *
 * <p>Thread-safe; shares the event loops it is given. Concurrency is the caller's to bound. It
 * remembers the last Digest challenge of each server (a few hundred bytes each), so a probe
 * usually authenticates on its first request instead of collecting a 401 first.
 */
public final class RtspProber {

    private final Bootstrap bootstrap;
    private final RtspProbeSettings settings;
    /** The last Digest challenge per server (host:port): probes authenticate on their first request. */
    private final Map<String, Map<String, String>> challenges = new ConcurrentHashMap<>();

    public RtspProber(EventLoopGroup group, RtspProbeSettings settings) {
        this.settings = settings;
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.connectTimeoutMillis())
                .option(ChannelOption.TCP_NODELAY, true);
    }

    /**
     * @param url      rtsp:// URL without credentials
     * @param username may be null or empty
     * @param password may be null
     */
    public CompletableFuture<ProbeOutcome> probe(String url, String username, String password, ProbeDepth depth) {
        long start = System.nanoTime();
        return attempt(url, username, password, depth, new LinkedHashSet<>(), start)
                .exceptionally(error -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    if (cause instanceof RtspFailure failure) {
                        return ProbeOutcome.failed(elapsed, failure.errorClass(), failure.getMessage());
                    }
                    return ProbeOutcome.failed(elapsed, ProbeErrorClass.CLOSED, describe(cause));
                });
    }

    private CompletableFuture<ProbeOutcome> attempt(String url, String username, String password, ProbeDepth depth,
            Set<String> visited, long start) {
        if (!visited.add(url) || visited.size() > settings.maxRedirects() + 1) {
            return CompletableFuture.failedFuture(new RtspFailure(ProbeErrorClass.REDIRECT_LOOP,
                    "redirects go round or too far: " + String.join(" -> ", visited) + " -> " + url));
        }
        URI uri;
        try {
            uri = URI.create(url);
            if (!"rtsp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an rtsp:// URL with a host");
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new RtspFailure(ProbeErrorClass.NOT_FOUND,
                    "unusable URL '" + url + "': " + e.getMessage()));
        }
        String authority = uri.getHost() + ":" + (uri.getPort() < 0 ? 554 : uri.getPort());
        RtspConnection connection = new RtspConnection(username, password, settings.requestTimeoutMillis(),
                challenges.get(authority));
        ChannelFuture connect = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new RtspFramer(settings.maxHeaderBytes(), settings.maxBodyBytes()),
                        new RtspEncoder(), new RtspDecoder(4096, settings.maxHeaderBytes(), settings.maxBodyBytes()),
                        new HttpObjectAggregator(settings.maxBodyBytes()), connection);
            }
        }).connect(uri.getHost(), uri.getPort() < 0 ? 554 : uri.getPort());
        CompletableFuture<Channel> connected = new CompletableFuture<>();
        connect.addListener(f -> {
            if (f.isSuccess()) {
                connected.complete(connect.channel());
            } else {
                connected.completeExceptionally(new RtspFailure(classifyConnect(f.cause()), describe(f.cause())));
            }
        });
        return connected.thenCompose(channel -> new ProbeSteps(connection, channel, url, depth, settings, start).run()
                .whenComplete((outcome, error) -> {
                    Map<String, String> challenge = connection.challenge();
                    if (challenge != null) {
                        challenges.put(authority, challenge);
                    }
                    channel.close();
                }))
                .exceptionallyCompose(error -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    if (cause instanceof ProbeSteps.Redirect redirect) {
                        return attempt(redirect.location(), username, password, depth, visited, start);
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    /**
     * Why a connection could not be opened. Besides "refused", Linux may answer a connection attempt
     * with a reset (a listener that just closed): the host rejected it all the same, so that is
     * REFUSED too.
     */
    static ProbeErrorClass classifyConnect(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return ProbeErrorClass.CONNECT_TIMEOUT;
        }
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (cause instanceof NoRouteToHostException || message.contains("unreachable")
                || message.contains("no route")) {
            return ProbeErrorClass.UNREACHABLE;
        }
        return ProbeErrorClass.REFUSED;
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
