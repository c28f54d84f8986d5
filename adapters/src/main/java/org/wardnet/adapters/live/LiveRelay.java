package org.wardnet.adapters.live;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every camera stream pulled once: {@link #open} gives a consumer a {@link LiveTap} on the stream,
 * opening the camera's RTSP stream for the first one and closing it a linger after the last tap
 * is closed. Thread-safe.
 *
 * <p>Limits: {@code maxUpstreams} streams at once, {@code maxConsumersPerUpstream} taps each (a
 * {@link LiveRefusal} with 503 past either), {@link TranscodeSettings#maxTranscodes} transcoded
 * streams; video only; an upstream keeps the source it was
 * opened with (a camera's changed URL or password applies to its next upstream).
 */
public final class LiveRelay implements AutoCloseable {

    private final EventLoopGroup group;
    private final LiveRelaySettings settings;
    private final ConcurrentMap<StreamKey, Upstream> upstreams = new ConcurrentHashMap<>();
    private final TranscodeSettings transcoding;
    private final RelayMeters meters = new RelayMeters();

    /** A relay that does not transcode. */
    public LiveRelay(EventLoopGroup group, LiveRelaySettings settings) {
        this(group, settings, TranscodeSettings.OFF);
    }

    public LiveRelay(EventLoopGroup group, LiveRelaySettings settings, TranscodeSettings transcoding) {
        this.group = group;
        this.settings = settings;
        this.transcoding = transcoding;
    }

    /**
     * A tap on {@code key}'s stream, pulled from {@code source} when it is not open yet. A
     * transcoded stream is made from a tap on the camera's own stream (one more consumer of it).
     *
     * @throws LiveRefusal 503 when a limit is reached (transcodes included)
     */
    public LiveTap open(StreamKey key, LiveSource source) {
        for (int attempt = 0; attempt < 8; attempt++) {
            Upstream upstream = upstreams.get(key);
            if (upstream == null) {
                if (upstreams.size() >= settings.maxUpstreams()) {
                    throw new LiveRefusal(503, upstreams.size() + " camera streams are relayed, the most allowed"
                            + " (live.maxStreams)");
                }
                Upstream made = new Upstream(key, feed(key, source), settings, group, meters, () -> forget(key));
                upstream = upstreams.putIfAbsent(key, made);
                if (upstream == null) {
                    upstream = made;
                } else {
                    made.shutDown();
                }
            }
            LiveTap tap = upstream.tap();
            if (tap != null) {
                return tap;
            }
            upstreams.remove(key, upstream); // closing as we came: make a new one
        }
        throw new LiveRefusal(503, "the stream of " + key + " keeps closing; try again");
    }

    private UpstreamFeed feed(StreamKey key, LiveSource source) {
        if (!key.transcoded()) {
            return UpstreamFeed.camera(source, settings.pull());
        }
        long transcodes = upstreams.keySet().stream().filter(StreamKey::transcoded).count();
        if (transcodes >= transcoding.maxTranscodes()) {
            throw new LiveRefusal(503, transcoding.maxTranscodes() == 0 ? "this server does not transcode"
                    + " (live.maxTranscodes is 0)" : transcodes + " streams are transcoded, the most allowed"
                    + " (live.maxTranscodes)");
        }
        return new TranscodeFeed(this, key.original(), source, transcoding.maxHeight());
    }

    /** Whether streams can be transcoded to H.264 here. */
    public boolean transcodes() {
        return transcoding.maxTranscodes() > 0;
    }

    private void forget(StreamKey key) {
        upstreams.computeIfPresent(key, (k, upstream) -> upstream.state() == Upstream.State.CLOSED ? null : upstream);
    }

    /** The streams open now, by camera. */
    public List<UpstreamStats> streams() {
        List<UpstreamStats> stats = new ArrayList<>();
        for (Upstream upstream : upstreams.values()) {
            if (upstream.state() != Upstream.State.CLOSED) {
                stats.add(new UpstreamStats(upstream.key().toString(), upstream.state().name(),
                        upstream.consumerCount(), Math.max(0, upstream.tapCount()), upstream.bytesIn.get(),
                        upstream.packetsIn.get(), upstream.reconnects.get(), upstream.openedAtMillis,
                        upstream.lastProblem()));
            }
        }
        stats.sort(Comparator.comparing(UpstreamStats::stream));
        return stats;
    }

    public RelayMeters meters() {
        return meters;
    }

    LiveRelaySettings settings() {
        return settings;
    }

    @Override
    public void close() {
        upstreams.values().forEach(Upstream::shutDown);
        upstreams.clear();
    }
}
