package org.wardnet.config;

import java.util.List;

/**
 * The live view's keys ({@code live.*}): the relay that pulls each camera stream once, its RTSP
 * server, and the limits that keep both bounded. Part of {@link WardnetKeys#ALL}.
 */
public final class LiveKeys {

    /** Whether the relay and its RTSP server run. */
    public static final ConfigKey<Boolean> LIVE_ENABLED = new ConfigKey<>("live.enabled", ValueType.bool(), true,
            "Serve cameras live through the relay: rtsp://HOST:live.rtspPort/live/{cameraId}[/sub].");

    /** The RTSP server's port. */
    public static final ConfigKey<Integer> LIVE_RTSP_PORT = new ConfigKey<>("live.rtspPort",
            ValueType.integer(0, 65535), 8554,
            "Port of the live RTSP server, on server.host; 0 picks a free one (printed at start).");

    /** Linger of an unwatched stream. */
    public static final ConfigKey<Integer> LIVE_LINGER_SECONDS = new ConfigKey<>("live.lingerSeconds",
            ValueType.integer(0, 3600), 10,
            "How long a camera's stream stays pulled after its last viewer left (a viewer coming back within it"
                    + " starts at once).");

    /** Streams pulled at once. */
    public static final ConfigKey<Integer> LIVE_MAX_STREAMS = new ConfigKey<>("live.maxStreams",
            ValueType.integer(1, 100_000), 2_000,
            "Camera streams relayed at once; a viewer of one more is refused with 503.");

    /** Consumers per stream. */
    public static final ConfigKey<Integer> LIVE_MAX_CONSUMERS_PER_STREAM = new ConfigKey<>(
            "live.maxConsumersPerStream", ValueType.integer(1, 10_000), 100,
            "Viewers (and the recorder) of one camera stream at once; one more is refused with 503.");

    /** Sessions per person. */
    public static final ConfigKey<Integer> LIVE_MAX_SESSIONS_PER_USER = new ConfigKey<>("live.maxSessionsPerUser",
            ValueType.integer(1, 1_000), 32,
            "Live sessions one user may have open at once (a 16-tile wall is 16); one more is refused with 503.");

    /** Pictures kept for joiners. */
    public static final ConfigKey<Integer> LIVE_KEPT_BYTES = new ConfigKey<>("live.keptBytes",
            ValueType.integer(0, 64 << 20), 4 << 20,
            "Per stream: the pictures since the last key frame kept so a new viewer starts at once; a longer"
                    + " group of pictures is not kept (the viewer waits for the next key frame).");

    /** Slow viewer. */
    public static final ConfigKey<Integer> LIVE_SLOW_CONSUMER_SECONDS = new ConfigKey<>("live.slowConsumerSeconds",
            ValueType.integer(1, 300), 10,
            "A viewer whose connection takes nothing for this long is disconnected; before that, pictures it cannot"
                    + " take are dropped up to the next key frame.");

    /** Per-viewer buffer. */
    public static final ConfigKey<Integer> LIVE_WRITE_BUFFER_BYTES = new ConfigKey<>("live.writeBufferBytes",
            ValueType.integer(16 << 10, 64 << 20), 1 << 20,
            "Per viewer: bytes queued for a connection before its pictures are dropped (memory per viewer is"
                    + " bounded by this and one picture).");

    /** Lost stream. */
    public static final ConfigKey<Integer> LIVE_MEDIA_TIMEOUT_SECONDS = new ConfigKey<>("live.mediaTimeoutSeconds",
            ValueType.integer(1, 300), 10,
            "A camera stream that sends no video for this long is counted lost and pulled again (viewers stay"
                    + " connected and see the gap).");

    /** The recorder as a consumer. */
    public static final ConfigKey<Boolean> LIVE_RECORD_THROUGH_RELAY = new ConfigKey<>("live.recordThroughRelay",
            ValueType.bool(), true,
            "Record through the relay, so recording and any number of viewers cost a camera one connection;"
                    + " false records straight from the camera (a second connection when someone watches).");

    /** Tickets. */
    public static final ConfigKey<Integer> LIVE_TICKET_SECONDS = new ConfigKey<>("live.ticketSeconds",
            ValueType.integer(10, 86_400), 300,
            "How long a ticket from POST /api/v1/cameras/{id}/live can start sessions (a session started runs"
                    + " until the viewer leaves).");

    /** Transcoding, for browsers that cannot decode H.265. */
    public static final ConfigKey<Integer> LIVE_MAX_TRANSCODES = new ConfigKey<>("live.maxTranscodes",
            ValueType.integer(0, 64), 2,
            "Streams transcoded from H.265 to H.264 at once (for a browser watching an H.265 camera that has no"
                    + " H.264 sub stream, or rtsp://.../live/{cameraId}/h264); each costs up to a core; 0 turns"
                    + " transcoding off (such cameras answer 415 to browsers).");

    public static final ConfigKey<Integer> LIVE_TRANSCODE_HEIGHT = new ConfigKey<>("live.transcodeHeight",
            ValueType.integer(144, 2_160), 720,
            "Transcoded pictures taller than this are scaled down to it (the width in proportion).");

    static final List<ConfigKey<?>> ALL = List.of(LIVE_ENABLED, LIVE_RTSP_PORT, LIVE_LINGER_SECONDS, LIVE_MAX_STREAMS,
            LIVE_MAX_CONSUMERS_PER_STREAM, LIVE_MAX_SESSIONS_PER_USER, LIVE_KEPT_BYTES, LIVE_SLOW_CONSUMER_SECONDS,
            LIVE_WRITE_BUFFER_BYTES, LIVE_MEDIA_TIMEOUT_SECONDS, LIVE_RECORD_THROUGH_RELAY, LIVE_TICKET_SECONDS,
            LIVE_MAX_TRANSCODES, LIVE_TRANSCODE_HEIGHT);

    private LiveKeys() {
    }
}
