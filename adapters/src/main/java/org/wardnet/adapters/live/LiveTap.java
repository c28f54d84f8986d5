package org.wardnet.adapters.live;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One consumer's hold on a relayed stream: it keeps the upstream open from the moment it is made
 * (an RTSP DESCRIBE) until {@link #close}, and {@link #play} starts its frames. Close it exactly
 * once, whatever happened; a second close does nothing.
 */
public final class LiveTap implements AutoCloseable {

    private final Upstream upstream;
    private final CompletableFuture<RelayedStream> described;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile LiveConsumer consumer;

    LiveTap(Upstream upstream, CompletableFuture<RelayedStream> described) {
        this.upstream = upstream;
        this.described = described;
    }

    /** The stream's description, once the camera has given it (fails with a {@link LiveRefusal}). */
    public CompletableFuture<RelayedStream> described() {
        return described;
    }

    public StreamKey key() {
        return upstream.key();
    }

    /** Starts sending frames to {@code consumer}: first the pictures since the last key frame, then live ones. */
    public void play(LiveConsumer consumer) {
        if (this.consumer != null) {
            throw new IllegalStateException("this tap already plays");
        }
        this.consumer = consumer;
        if (!closed.get()) {
            upstream.play(consumer);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            upstream.release(consumer);
        }
    }
}
