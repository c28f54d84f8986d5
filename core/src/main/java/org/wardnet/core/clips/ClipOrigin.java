package org.wardnet.core.clips;

/** Where a clip's video came from. */
public enum ClipOrigin {
    /** Recorded by this Wardnet from the camera's stream. */
    RECORDED,
    /** Found in a folder of recordings and indexed where it lies. */
    IMPORTED,
    /** Metadata sent by an edge recorder; the video stays there, at its media URL. */
    INGESTED
}
