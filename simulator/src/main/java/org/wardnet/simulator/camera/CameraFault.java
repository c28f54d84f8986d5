package org.wardnet.simulator.camera;

/** What can be wrong with a simulated camera. One at a time; {@link #NONE} is a healthy camera. */
public enum CameraFault {
    /** Healthy. */
    NONE,
    /** Accepts connections and never answers. */
    DOWN,
    /** Not listening: connections are refused. */
    REFUSING,
    /** Answers after an added latency (the camera's {@code latencyMillis}). */
    SLOW,
    /** Alternates between healthy and refusing every {@code flapSeconds}. */
    FLAPPING,
    /** Expects another password than the one registered: every request is 401. */
    WRONG_CREDENTIALS,
    /** Answers everything, but PLAY never yields a packet. */
    STALLED_MEDIA,
    /** Answers with bytes that are not RTSP. */
    MALFORMED,
    /** Healthy, but its clock is off (the RTSP Date header, ONVIF's GetSystemDateAndTime and token checks). */
    CLOCK_SKEW,
    /** Its ONVIF web server answers every request with HTTP 500 and an HTML page. */
    HTML_ERROR,
    /** Its ONVIF media service lists no profiles. */
    NO_PROFILES,
    /** Its ONVIF replies are padded to several megabytes. */
    OVERSIZED,
    /** It advertises Media2, but every Media2 request fails with a SOAP fault (Media still works). */
    MEDIA2_BROKEN,
    /** Its stream sends a key frame when playing starts and never again (a GOP set to "infinite"). */
    NO_KEY_FRAMES
}
