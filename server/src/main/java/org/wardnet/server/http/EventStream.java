package org.wardnet.server.http;

/**
 * The producer of a streamed answer. {@link #open} is called on the connection's event loop once
 * the response head is written; the producer then sends events through the {@link Sink} until
 * the sink reports it closed.
 */
@FunctionalInterface
public interface EventStream {

    /** Where events go. Thread-safe; {@link #send} never blocks. */
    interface Sink {
        /**
         * Sends one server-sent event.
         *
         * @return false when the stream is closed (client gone, or too slow and dropped)
         */
        boolean send(String event, String data);

        boolean isOpen();
    }

    /** Starts producing; returns what to call when the connection closes. */
    Runnable open(Sink sink);
}
