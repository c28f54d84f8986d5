package org.wardnet.core.health;

/** How far a probe goes into a camera's RTSP service; each level includes the ones before it. */
public enum ProbeDepth {
    /** OPTIONS: the service answers (and accepts the credentials, if it asks). */
    OPTIONS,
    /** DESCRIBE: the stream exists and its session description offers video (codec, size). */
    DESCRIBE,
    /** SETUP and PLAY over TCP until the first key frame arrives, then TEARDOWN. */
    MEDIA
}
