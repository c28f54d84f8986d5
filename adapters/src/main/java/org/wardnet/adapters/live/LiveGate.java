package org.wardnet.adapters.live;

import java.util.concurrent.CompletableFuture;

/**
 * Decides who may watch what: each live session is admitted (or refused with a
 * {@link LiveRefusal}) before the relay is asked for its stream. Implementations may read a store,
 * so they answer with a future and must not block the calling event loop.
 */
public interface LiveGate {

    /**
     * @param stream        the stream asked for
     * @param authorization the request's Authorization header, or null
     * @param ticket        a {@code ticket} query parameter of the URL, or null
     * @param remoteAddress the client's address, for the audit trail
     * @param via           how it is watched: {@code rtsp} or {@code websocket}
     */
    record Request(StreamKey stream, String authorization, String ticket, String remoteAddress, String via) {
    }

    /**
     * An admitted session.
     *
     * @param viewer who watches (a user name, or the recorder)
     * @param source where the camera's stream is pulled from
     * @param end    told once when the session ends
     */
    record Admission(String viewer, LiveSource source, SessionEnd end) {
    }

    /** The end of an admitted session. */
    interface SessionEnd {
        void ended(long bytesSent, long droppedPictures, String reason);
    }

    /** Admits the session, or fails with a {@link LiveRefusal}. */
    CompletableFuture<Admission> admit(Request request);
}
