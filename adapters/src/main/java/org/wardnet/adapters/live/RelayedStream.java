package org.wardnet.adapters.live;

import org.wardnet.adapters.rtsp.VideoTrack;

/**
 * A relayed stream as its consumers see it.
 *
 * @param sdp   the SDP the relay serves: the camera's video section, with the relay's control URLs
 * @param video the camera's video track (codec, clock rate, size)
 */
public record RelayedStream(String sdp, VideoTrack video) {
}
