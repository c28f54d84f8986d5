package org.wardnet.adapters.live;

/**
 * Bounds of the relay's transcoding (H.265 to H.264, for browsers that cannot decode H.265).
 *
 * @param maxTranscodes streams transcoded at once, each costing up to a core; 0 turns it off
 * @param maxHeight     taller pictures are scaled down to this height (the width in proportion)
 */
public record TranscodeSettings(int maxTranscodes, int maxHeight) {

    /** No transcoding. */
    public static final TranscodeSettings OFF = new TranscodeSettings(0, 720);

    public TranscodeSettings {
        if (maxTranscodes < 0 || maxHeight < 16) {
            throw new IllegalArgumentException("invalid transcode settings: " + this);
        }
    }
}
