package org.wardnet.adapters.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardnet.adapters.rtsp.KeyFrames;
import org.wardnet.adapters.rtsp.RtspPull;

/**
 * One camera stream pulled once (or one transcoded stream made once) and fanned out. Opened by the first {@link LiveTap}, closed
 * {@code lingerMillis} after the last tap is closed. Packets are gathered into pictures (up to the
 * RTP marker bit, or a new timestamp) and each picture goes to every playing consumer; the
 * pictures since the last key frame are kept (bounded) so a consumer that joins starts with a
 * picture it can decode. When the camera's stream is lost while taps are open, the taps stay and
 * the pull is retried with a doubling back-off; RTP stays continuous for the consumers
 * ({@link RtpContinuity}).
 *
 * <p>All state is confined to one event loop; the public-facing calls hop onto it.
 */
final class Upstream {

    private static final Logger LOG = LoggerFactory.getLogger(Upstream.class);
    private static final int MAX_PACKETS_PER_PICTURE = 4096;

    enum State { OPENING, LIVE, RETRYING, CLOSED }

    private final StreamKey key;
    private final UpstreamFeed feed;
    private final LiveRelaySettings settings;
    private final EventLoop loop;
    private final Runnable onClosed;
    private final RelayMeters meters;

    private final List<CompletableFuture<RelayedStream>> waiting = new ArrayList<>();
    private final List<LiveConsumer> consumers = new ArrayList<>();
    /** {@link #consumers} by loop; null when they changed since it was made. */
    private Map<EventExecutor, List<LiveConsumer>> groups;
    private final AtomicInteger taps = new AtomicInteger();
    /** The pictures since the last key frame, each its packets; the first is the key frame. */
    private final List<List<ByteBuf>> gop = new ArrayList<>();
    private List<ByteBuf> picture = new ArrayList<>();
    private volatile State state = State.OPENING;
    private Runnable stopFeed;
    private RelayedStream stream;
    private String codec = "H264";
    private RtpContinuity continuity;
    private int gopBytes;
    private boolean pictureKey;
    private long pictureTimestamp;
    private long pictureArrival;
    private int pictureBytes;
    private long retryMillis;
    private ScheduledFuture<?> linger;
    private volatile String lastProblem;
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong packetsIn = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final long openedAtMillis = System.currentTimeMillis();

    Upstream(StreamKey key, UpstreamFeed feed, LiveRelaySettings settings, EventLoopGroup group, RelayMeters meters,
            Runnable onClosed) {
        this.key = key;
        this.feed = feed;
        this.settings = settings;
        this.loop = group.next(); // the pull runs on it too: a packet never changes threads before fan-out
        this.meters = meters;
        this.onClosed = onClosed;
        this.retryMillis = settings.retryMinMillis();
        loop.execute(this::open);
    }

    StreamKey key() {
        return key;
    }

    State state() {
        return state;
    }

    int tapCount() {
        return taps.get();
    }

    int consumerCount() {
        return consumers.size();
    }

    String lastProblem() {
        return lastProblem;
    }

    /**
     * Holds the upstream open for a new tap, or returns null when it is closing (the caller makes a
     * new one). The stream completes once the camera has described it; it fails with a
     * {@link LiveRefusal} (502) when the camera cannot be reached at the first attempt.
     */
    LiveTap tap() {
        int count;
        do {
            count = taps.get();
            if (count < 0) {
                return null; // closed
            }
            if (count >= settings.maxConsumersPerUpstream()) {
                throw new LiveRefusal(503, "camera " + key + " has " + count + " consumers, the most allowed"
                        + " (live.maxConsumersPerStream)");
            }
        } while (!taps.compareAndSet(count, count + 1));
        CompletableFuture<RelayedStream> described = new CompletableFuture<>();
        loop.execute(() -> {
            if (linger != null) {
                linger.cancel(false);
                linger = null;
            }
            if (stream != null) {
                described.complete(stream);
            } else {
                waiting.add(described);
            }
        });
        return new LiveTap(this, described);
    }

    void play(LiveConsumer consumer) {
        loop.execute(() -> {
            if (state == State.CLOSED) {
                consumer.streamEnded("the stream is closed");
                return;
            }
            long now = System.nanoTime();
            for (int i = 0; i < gop.size(); i++) {
                consumer.frame(duplicates(gop.get(i)), i == 0, now);
            }
            consumers.add(consumer);
            groups = null;
        });
    }

    /** A tap closed: stops feeding its consumer, and lingers the upstream when it was the last. */
    void release(LiveConsumer consumer) {
        loop.execute(() -> {
            if (consumer != null && consumers.remove(consumer)) {
                groups = null;
            }
            if (taps.decrementAndGet() == 0 && state != State.CLOSED) {
                linger = loop.schedule(this::closeIfUnused, settings.lingerMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private void closeIfUnused() {
        if (taps.compareAndSet(0, -1)) {
            close("no consumer for " + settings.lingerMillis() + " ms");
        }
    }

    /** Closes at once (the relay is stopping). */
    void shutDown() {
        loop.execute(() -> {
            taps.set(-1);
            close("the relay stopped");
        });
    }

    private void close(String why) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        if (stopFeed != null) {
            stopFeed.run();
        }
        for (CompletableFuture<RelayedStream> w : waiting) {
            w.completeExceptionally(new LiveRefusal(503, "the stream of " + key + " closed: " + why));
        }
        waiting.clear();
        for (LiveConsumer consumer : consumers) {
            onItsLoop(consumer, () -> consumer.streamEnded(why));
        }
        consumers.clear();
        groups = null;
        dropPicture();
        dropGop();
        LOG.debug("live {}: upstream closed ({})", key, why);
        onClosed.run();
    }

    private void open() {
        if (state == State.CLOSED) {
            return;
        }
        stopFeed = feed.start(loop, new RtspPull.Listener() {
            @Override
            public void started(RtspPull.PulledStream pulled) {
                onStarted(pulled);
            }

            @Override
            public void packet(ByteBuf rtp) {
                onPacket(rtp);
            }

            @Override
            public void ended(String reason) {
                onEnded(reason);
            }
        });
    }

    private void onStarted(RtspPull.PulledStream pulled) {
        if (state == State.CLOSED) {
            return;
        }
        if (stream == null) {
            stream = new RelayedStream(RelaySdp.rewrite(pulled.sdp(), pulled.videoIndex()), pulled.video());
            codec = pulled.video().codec();
            continuity = new RtpContinuity(pulled.video().clockRate());
        }
        continuity.newSource();
        retryMillis = settings.retryMinMillis();
        state = State.LIVE;
        for (CompletableFuture<RelayedStream> w : waiting) {
            w.complete(stream);
        }
        waiting.clear();
    }

    /** On the upstream's event loop (the pull's too): the packet is copied with its interleaved header. */
    private void onPacket(ByteBuf rtp) {
        int length = rtp.readableBytes();
        if (length < 12 || (rtp.getUnsignedByte(rtp.readerIndex()) >> 6) != 2) {
            meters.malformed.increment();
            return;
        }
        long arrival = System.nanoTime();
        boolean key = KeyFrames.startsKeyFrame(codec, rtp);
        ByteBuf framed = ByteBufAllocator.DEFAULT.directBuffer(4 + length);
        framed.writeByte('$').writeByte(0).writeShort(length).writeBytes(rtp, rtp.readerIndex(), length);
        bytesIn.addAndGet(length);
        packetsIn.incrementAndGet();
        take(framed, key, arrival);
    }

    private void take(ByteBuf framed, boolean key, long arrival) {
        if (state == State.CLOSED || continuity == null) {
            framed.release();
            return;
        }
        long timestamp = framed.getUnsignedInt(8);
        if (!picture.isEmpty() && timestamp != pictureTimestamp) {
            endPicture(); // the camera left out the marker bit
        }
        if (picture.isEmpty()) {
            pictureTimestamp = timestamp;
            pictureArrival = arrival;
            pictureKey = false;
            pictureBytes = 0;
        }
        pictureKey |= key;
        picture.add(framed);
        pictureBytes += framed.readableBytes();
        boolean marker = (framed.getUnsignedByte(5) & 0x80) != 0;
        if (marker || picture.size() >= MAX_PACKETS_PER_PICTURE) {
            endPicture();
        }
    }

    private void endPicture() {
        List<ByteBuf> packets = picture;
        picture = new ArrayList<>();
        // rewritten only now: a picture dropped half-way (the stream was lost) must not use up sequence numbers
        for (ByteBuf packet : packets) {
            continuity.rewrite(packet, 4, pictureArrival);
        }
        keep(packets);
        deliver(packets, pictureKey, pictureArrival);
        meters.pictures.increment();
        packets.forEach(ReferenceCountUtil::release);
    }

    /**
     * Hands a picture to every playing consumer: directly to those on this loop (or on none), and
     * to those of each other loop in one task of that loop.
     */
    private void deliver(List<ByteBuf> packets, boolean key, long arrival) {
        for (Map.Entry<EventExecutor, List<LiveConsumer>> group : byLoop().entrySet()) {
            EventExecutor executor = group.getKey();
            List<LiveConsumer> members = group.getValue();
            if (executor == null || executor.inEventLoop()) {
                for (LiveConsumer consumer : members) {
                    consumer.frame(duplicates(packets), key, arrival);
                }
                continue;
            }
            List<List<ByteBuf>> copies = new ArrayList<>(members.size());
            for (int i = 0; i < members.size(); i++) {
                copies.add(duplicates(packets));
            }
            try {
                executor.execute(() -> {
                    for (int i = 0; i < members.size(); i++) {
                        members.get(i).frame(copies.get(i), key, arrival);
                    }
                });
            } catch (RejectedExecutionException e) { // the consumers' loop is shutting down
                copies.forEach(copy -> copy.forEach(ReferenceCountUtil::release));
            }
        }
    }

    /** Runs {@code call} on the consumer's loop, after the pictures already handed to it there. */
    private static void onItsLoop(LiveConsumer consumer, Runnable call) {
        EventExecutor executor = consumer.executor();
        if (executor == null || executor.inEventLoop()) {
            call.run();
            return;
        }
        try {
            executor.execute(call);
        } catch (RejectedExecutionException e) {
            // the consumer's loop is shutting down, and the consumer with it
        }
    }

    /** The playing consumers by the loop they write on, made again only when they change. */
    private Map<EventExecutor, List<LiveConsumer>> byLoop() {
        if (groups == null) {
            Map<EventExecutor, List<LiveConsumer>> made = new LinkedHashMap<>();
            for (LiveConsumer consumer : consumers) {
                made.computeIfAbsent(consumer.executor(), e -> new ArrayList<>()).add(consumer);
            }
            made.replaceAll((e, members) -> List.copyOf(members));
            groups = made;
        }
        return groups;
    }

    /** The pictures since the last key frame, for consumers that join; none once over the bound. */
    private void keep(List<ByteBuf> packets) {
        if (pictureKey) {
            dropGop();
        } else if (gop.isEmpty()) {
            return; // no key frame kept to start from
        }
        if (gopBytes + pictureBytes > settings.maxGopBytes()) {
            dropGop();
            return;
        }
        gop.add(duplicates(packets));
        gopBytes += pictureBytes;
    }

    private static List<ByteBuf> duplicates(List<ByteBuf> packets) {
        List<ByteBuf> copy = new ArrayList<>(packets.size());
        for (ByteBuf packet : packets) {
            copy.add(packet.retainedDuplicate());
        }
        return copy;
    }

    private void dropGop() {
        gop.forEach(picture -> picture.forEach(ReferenceCountUtil::release));
        gop.clear();
        gopBytes = 0;
    }

    private void dropPicture() {
        picture.forEach(ReferenceCountUtil::release);
        picture.clear();
    }

    private void onEnded(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        lastProblem = reason;
        dropPicture();
        dropGop();
        if (stream == null && consumers.isEmpty()) {
            // never started: the consumers waiting for the description are told why, and the upstream goes
            taps.set(-1);
            for (CompletableFuture<RelayedStream> w : waiting) {
                w.completeExceptionally(new LiveRefusal(502, "camera " + key + " could not be pulled: " + reason));
            }
            waiting.clear();
            close(reason);
            return;
        }
        state = State.RETRYING;
        reconnects.incrementAndGet();
        LOG.info("live {}: camera stream lost ({}); reconnecting in {} ms", key, reason, retryMillis);
        for (LiveConsumer consumer : consumers) {
            onItsLoop(consumer, () -> consumer.upstreamLost(reason));
        }
        loop.schedule(this::open, retryMillis, TimeUnit.MILLISECONDS);
        retryMillis = Math.min(settings.retryMaxMillis(), retryMillis * 2);
    }
}
