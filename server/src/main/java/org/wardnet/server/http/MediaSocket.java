package org.wardnet.server.http;

import io.netty.buffer.ByteBuf;

/**
 * What runs on a connection upgraded to a WebSocket (RFC 6455) by a handler's answer: the server
 * sends, the client only closes (its other frames are dropped). {@link #open} is called on the
 * connection's event loop once the handshake is written.
 */
public interface MediaSocket {

    /** Where messages go. Thread-safe; never blocks. */
    interface Sink {
        void text(String message);

        /** A binary message; the sink takes the buffer. */
        void binary(ByteBuf message);

        /** Whether the connection takes more now: false when its write buffer is over the high-water mark. */
        boolean writable();

        /** Closes with status 1000 (normal) or 1011 (the server gave up), saying why. */
        void close(boolean normal, String reason);
    }

    /** Bytes a connection may queue before {@link Sink#writable} turns false. */
    int writeBufferBytes();

    /** Starts sending; returns what to call when the connection closes, whoever closes it. */
    Runnable open(Sink sink);
}
