package org.wardnet.core.clips;

import java.time.Instant;
import java.util.Objects;

/**
 * One indexed piece of footage of one camera.
 *
 * @param id        assigned by the index
 * @param cameraId  the camera
 * @param start     first instant covered (inclusive)
 * @param end       last instant covered (exclusive); after start
 * @param media     a local file path (RECORDED, IMPORTED), an http(s) URL on an edge recorder, or, for a
 *                  clip synced from a child tier node, {@code node:<node id>/<the node's clip id>}
 * @param bytes     file size; null when unknown
 * @param codec     video codec (H264, H265...); null when unknown
 * @param width     pixels; null when unknown
 * @param height    pixels; null when unknown
 * @param keyFrames key frames in the clip; null when unknown
 * @param sha256    lower-case hex SHA-256 of the file once closed; null when unknown or still open
 * @param origin    where it came from
 */
public record Clip(long id, String cameraId, Instant start, Instant end, String media, Long bytes, String codec,
        Integer width, Integer height, Integer keyFrames, String sha256, ClipOrigin origin) {

    public Clip {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(origin, "origin");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a clip ends after it starts: " + start + " .. " + end);
        }
    }

    /**
     * A file not yet indexed (id 0) that starts at {@code start} and lasts as long as its container
     * says; the one place where a clip is made from what a media file holds.
     */
    public static Clip ofFile(String cameraId, Instant start, String path, long bytes, MediaFile media, String sha256,
            ClipOrigin origin) {
        return new Clip(0, cameraId, start, start.plusMillis(media.durationMillis()), path, bytes, media.codec(),
                media.width(), media.height(), null, sha256, origin);
    }

    public long durationMillis() {
        return end.toEpochMilli() - start.toEpochMilli();
    }

    /** Whether the media is a URL elsewhere rather than a file here. */
    public boolean remote() {
        return media.startsWith("http://") || media.startsWith("https://");
    }

    private static final String NODE_MEDIA = "node:";

    /** The media of a clip held by a child node: where to ask for it. */
    public static String onNode(String node, long nodeClipId) {
        return NODE_MEDIA + node + "/" + nodeClipId;
    }

    /** The child node holding this clip's media, or null when it is held here or on an edge recorder. */
    public String heldByNode() {
        return media.startsWith(NODE_MEDIA) ? media.substring(NODE_MEDIA.length(), media.lastIndexOf('/')) : null;
    }

    /** The holding node's id for this clip; only for a clip {@linkplain #heldByNode held by a node}. */
    public long nodeClipId() {
        if (!media.startsWith(NODE_MEDIA)) {
            throw new IllegalStateException("clip " + id + " is not held by a node");
        }
        return Long.parseLong(media, media.lastIndexOf('/') + 1, media.length(), 10);
    }

    /** The same clip under another id. */
    public Clip withId(long newId) {
        return new Clip(newId, cameraId, start, end, media, bytes, codec, width, height, keyFrames, sha256, origin);
    }

    /** The same clip with other media. */
    public Clip withMedia(String newMedia) {
        return new Clip(id, cameraId, start, end, newMedia, bytes, codec, width, height, keyFrames, sha256, origin);
    }
}
