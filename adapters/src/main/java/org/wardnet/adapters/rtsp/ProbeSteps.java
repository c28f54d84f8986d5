package org.wardnet.adapters.rtsp;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.rtsp.RtspMethods;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.wardnet.core.health.ProbeDepth;
import org.wardnet.core.health.ProbeErrorClass;
import org.wardnet.core.health.ProbeOutcome;

/**
 * The steps of one probe on one open connection, in order, each only when the depth asks for it.
 * A 3xx answer ends the steps with a {@link Redirect} for {@link RtspProber} to follow.
 */
final class ProbeSteps {

    /** The server sent us elsewhere. */
    static final class Redirect extends RuntimeException {
        private final String location;

        Redirect(String location) {
            super("redirect to " + location, null, false, false);
            this.location = location;
        }

        String location() {
            return location;
        }
    }

    private final RtspConnection connection;
    private final Channel channel;
    private final String url;
    private final ProbeDepth depth;
    private final RtspProbeSettings settings;
    private final long start;

    ProbeSteps(RtspConnection connection, Channel channel, String url, ProbeDepth depth, RtspProbeSettings settings,
            long start) {
        this.connection = connection;
        this.channel = channel;
        this.url = url;
        this.depth = depth;
        this.settings = settings;
        this.start = start;
    }

    CompletableFuture<ProbeOutcome> run() {
        return step(RtspMethods.OPTIONS, url, Map.of()).thenCompose(options -> {
            if (depth == ProbeDepth.OPTIONS) {
                return CompletableFuture.completedFuture(ok(null, null));
            }
            return step(RtspMethods.DESCRIBE, url, Map.of("Accept", "application/sdp")).thenCompose(describe -> {
                VideoTrack video = video(describe);
                if (depth == ProbeDepth.DESCRIBE) {
                    return CompletableFuture.completedFuture(ok(video, null));
                }
                String base = baseOf(describe);
                return media(video, base).thenApply(keyFrameMillis -> ok(video, keyFrameMillis));
            });
        });
    }

    private CompletableFuture<RtspResponse> step(HttpMethod method, String uri, Map<String, String> headers) {
        return connection.send(method, uri, headers).thenApply(response -> {
            if (response.status() >= 300 && response.status() < 400) {
                String location = response.header("Location");
                if (location == null || location.isBlank()) {
                    throw new RtspFailure(ProbeErrorClass.SERVER_ERROR, method + " answered " + response.status()
                            + " without a Location");
                }
                throw new Redirect(location.strip());
            }
            return response;
        });
    }

    private static VideoTrack video(RtspResponse describe) {
        try {
            return VideoTrack.of(SdpParser.parse(describe.body()));
        } catch (SdpException e) {
            throw new RtspFailure(ProbeErrorClass.NO_VIDEO, e.getMessage());
        }
    }

    private String baseOf(RtspResponse describe) {
        String base = describe.header("Content-Base");
        if (base == null) {
            base = describe.header("Content-Location");
        }
        return base == null || base.isBlank() ? url : base.strip();
    }

    /** SETUP, PLAY, wait for a key frame on channel 0, TEARDOWN; completes with the wait in ms. */
    private CompletableFuture<Long> media(VideoTrack video, String base) {
        String track = resolve(base, video.control());
        CompletableFuture<Long> keyFrame = new CompletableFuture<>();
        long[] playSent = new long[1];
        connection.onFrames(frame -> {
            if (frame.channel() == 0 && !keyFrame.isDone() && KeyFrames.startsKeyFrame(video.codec(), frame.content())) {
                keyFrame.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - playSent[0]));
            }
        });
        long[] sessionTimeout = {60};
        return step(RtspMethods.SETUP, track, Map.of("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1"))
                .thenCompose(setup -> {
                    sessionTimeout[0] = sessionTimeoutSeconds(setup.header("Session"));
                    playSent[0] = System.nanoTime();
                    return step(RtspMethods.PLAY, base, Map.of("Range", "npt=0.000-"));
                })
                .thenCompose(play -> {
                    channel.eventLoop().schedule(() -> keyFrame.completeExceptionally(new RtspFailure(
                            ProbeErrorClass.NO_MEDIA, "no key frame within " + settings.mediaTimeoutMillis()
                                    + " ms of PLAY")), settings.mediaTimeoutMillis(), TimeUnit.MILLISECONDS);
                    keepAlive(base, sessionTimeout[0], keyFrame);
                    return keyFrame;
                })
                .thenCompose(waited -> connection.send(RtspMethods.TEARDOWN, base, Map.of())
                        .handle((teardown, error) -> waited)); // a failed TEARDOWN does not fail the probe
    }

    /**
     * Keeps the session alive while waiting: GET_PARAMETER every half of the session timeout the
     * server announced (RFC 2326 12.37), until {@code until} completes. A failed keep-alive is not
     * the probe's failure: the wait for media decides.
     */
    private void keepAlive(String base, long timeoutSeconds, CompletableFuture<?> until) {
        long period = Math.max(500, timeoutSeconds * 500);
        ScheduledFuture<?> task = channel.eventLoop().scheduleAtFixedRate(() -> {
            if (!until.isDone()) {
                connection.send(RtspMethods.GET_PARAMETER, base, Map.of());
            }
        }, period, period, TimeUnit.MILLISECONDS);
        until.whenComplete((result, error) -> task.cancel(false));
    }

    /** The {@code timeout} parameter of a Session header, in seconds; 60 (RFC 2326's default) when absent. */
    static long sessionTimeoutSeconds(String session) {
        if (session != null) {
            for (String part : session.split(";")) {
                String p = part.strip();
                if (p.regionMatches(true, 0, "timeout=", 0, 8)) {
                    try {
                        return Math.max(1, Long.parseLong(p.substring(8).strip()));
                    } catch (NumberFormatException e) {
                        return 60;
                    }
                }
            }
        }
        return 60;
    }

    /** A track's control URL: absolute as given, "*" or empty for the base, else relative to the base. */
    static String resolve(String base, String control) {
        if (control == null || control.isEmpty() || control.equals("*")) {
            return base;
        }
        if (control.regionMatches(true, 0, "rtsp://", 0, 7) || control.regionMatches(true, 0, "rtsps://", 0, 8)) {
            return control;
        }
        return base.endsWith("/") ? base + control : base + "/" + control;
    }

    private ProbeOutcome ok(VideoTrack video, Long keyFrameMillis) {
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new ProbeOutcome(true, elapsed, null, null, video == null ? null : video.codec(),
                video == null || video.size() == null ? null : video.size().width(),
                video == null || video.size() == null ? null : video.size().height(), keyFrameMillis);
    }
}
