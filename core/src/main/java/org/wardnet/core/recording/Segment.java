package org.wardnet.core.recording;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A closed recording segment: a fragmented MP4 of one camera.
 *
 * @param cameraId  the camera
 * @param file      where it is
 * @param start     the instant of its first frame
 * @param end       the instant after its last frame
 * @param bytes     file size
 * @param codec     video codec (H264, HEVC)
 * @param width     pixels
 * @param height    pixels
 * @param keyFrames key frames written
 * @param sha256    lower-case hex SHA-256 of the closed file
 */
public record Segment(String cameraId, Path file, Instant start, Instant end, long bytes, String codec, int width,
        int height, int keyFrames, String sha256) {
}
