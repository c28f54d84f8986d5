package org.wardnet.core.clips;

import java.time.Instant;

/**
 * What a recorded file holds, read without decoding: duration, video codec, size, and the
 * creation time the container declares.
 *
 * @param durationMillis container duration; 0 when it cannot be told
 * @param codec          video codec name in upper case (H264, HEVC...); null without video
 * @param width          pixels; null without video
 * @param height         pixels; null without video
 * @param createdAt      the container's creation_time; null when absent
 */
public record MediaFile(long durationMillis, String codec, Integer width, Integer height, Instant createdAt) {
}
