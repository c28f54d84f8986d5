package org.wardnet.adapters.live;

import java.util.Objects;

/**
 * One relayed stream: a camera's main or sub stream, as the camera sends it or transcoded to H.264.
 *
 * @param cameraId   the camera
 * @param sub        true for its sub stream (lower resolution, for tiles and slow links)
 * @param transcoded true for the stream decoded and encoded again as H.264 (for an H.265 camera
 *                   watched in a browser that cannot decode H.265)
 */
public record StreamKey(String cameraId, boolean sub, boolean transcoded) {

    public StreamKey {
        Objects.requireNonNull(cameraId, "cameraId");
    }

    /** The stream as the camera sends it. */
    public StreamKey(String cameraId, boolean sub) {
        this(cameraId, sub, false);
    }

    /** The camera's own stream this one is made from (itself when it is not transcoded). */
    public StreamKey original() {
        return transcoded ? new StreamKey(cameraId, sub, false) : this;
    }

    /** This stream transcoded to H.264. */
    public StreamKey asTranscoded() {
        return new StreamKey(cameraId, sub, true);
    }

    /** As written in paths: {@code cam-1}, {@code cam-1/sub}, {@code cam-1/h264} or {@code cam-1/sub/h264}. */
    @Override
    public String toString() {
        return cameraId + (sub ? "/sub" : "") + (transcoded ? "/h264" : "");
    }
}
