package org.wardnet.core.health;

/** How far a probe goes into a camera's RTSP service; each level includes the ones before it. */
public enum ProbeDepth {
    /**
     * OPTIONS: the service answers. Many servers (GStreamer's among them) answer OPTIONS without
     * asking for credentials, so this depth does not prove the credentials are right.
     */
    OPTIONS,
    /** DESCRIBE: the stream exists and its session description offers video (codec, size). */
    DESCRIBE,
    /** SETUP and PLAY over TCP until the first key frame arrives, then TEARDOWN. */
    MEDIA
}
