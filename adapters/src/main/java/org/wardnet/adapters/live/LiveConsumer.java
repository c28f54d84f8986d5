package org.wardnet.adapters.live;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.util.List;

/**
 * One watcher of a relayed stream. Called on its {@link #executor} (or the upstream's event loop
 * when it names none): it must not block, and a consumer that cannot keep up drops frames itself
 * (up to the next key frame) instead of queueing.
 */
public interface LiveConsumer {

    /**
     * The event loop this consumer writes on, or null for any thread. Pictures are handed to a
     * consumer on its own loop, one task per loop and picture for all its consumers there, so a
     * picture costs each loop one wake-up however many viewers it serves.
     */
    default EventExecutor executor() {
        return null;
    }

    /**
     * One picture's RTP packets, each framed as interleaved channel 0 ({@code $}, 0, length, packet),
     * in order. The consumer owns the buffers and releases them (writing them to a channel does).
     *
     * @param keyFrame     whether decoding can start here
     * @param arrivalNanos {@link System#nanoTime} when the picture's first packet arrived from the camera
     */
    void frame(List<ByteBuf> packets, boolean keyFrame, long arrivalNanos);

    /** The camera's stream was lost; the relay is reconnecting (frames resume after a gap). */
    void upstreamLost(String reason);

    /** The stream is closed for good (the relay stops): no frame follows. */
    void streamEnded(String reason);
}
