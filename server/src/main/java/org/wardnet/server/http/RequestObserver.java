package org.wardnet.server.http;

/** Told about every answered request, for metrics. Called on an event loop: must not block. */
@FunctionalInterface
public interface RequestObserver {

    /** Observes nothing. */
    RequestObserver NONE = (method, route, status, nanos) -> { };

    /**
     * @param method the request method
     * @param route  the matched route template, or "unmatched"/"rejected"
     * @param status the answered status code
     * @param nanos  time from the first decoded byte to the answer being written
     */
    void observe(String method, String route, int status, long nanos);
}
