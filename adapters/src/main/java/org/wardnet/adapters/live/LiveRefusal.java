package org.wardnet.adapters.live;

/**
 * Why a live request is refused, as an RTSP/HTTP status: 401 (no or bad credentials), 404 (no such
 * camera, or not one the caller may watch: the two are not told apart), 503 (a limit reached),
 * 502 (the camera could not be reached).
 */
public final class LiveRefusal extends RuntimeException {

    private final int status;

    public LiveRefusal(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
