package org.wardnet.adapters.live;

import java.util.Objects;

/**
 * One relayed stream: a camera's main or sub stream.
 *
 * @param cameraId the camera
 * @param sub      true for its sub stream (lower resolution, for tiles and slow links)
 */
public record StreamKey(String cameraId, boolean sub) {

    public StreamKey {
        Objects.requireNonNull(cameraId, "cameraId");
    }

    /** As written in paths: {@code cam-1} or {@code cam-1/sub}. */
    @Override
    public String toString() {
        return sub ? cameraId + "/sub" : cameraId;
    }
}
