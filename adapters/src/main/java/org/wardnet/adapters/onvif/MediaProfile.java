package org.wardnet.adapters.onvif;

/**
 * A media profile's video side, from Media (trt) or Media2 (tr2) GetProfiles.
 *
 * @param token     the profile token for GetStreamUri
 * @param name      its name; empty when unnamed
 * @param encoding  video encoding (H264, H265, JPEG...); empty when the profile has no video encoder
 * @param width     pixels; 0 when unknown
 * @param height    pixels; 0 when unknown
 * @param frameRate frames per second limit; 0 when unknown
 * @param bitrate   kbit/s limit; 0 when unknown
 */
public record MediaProfile(String token, String name, String encoding, int width, int height, int frameRate,
        int bitrate) {

    /** Whether the profile encodes video (profiles with only audio or metadata have no stream to check). */
    public boolean hasVideo() {
        return !encoding.isEmpty();
    }

    public long pixels() {
        return (long) width * height;
    }
}
