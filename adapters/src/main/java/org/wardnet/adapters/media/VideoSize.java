package org.wardnet.adapters.media;

/**
 * The displayed size of a video stream, after cropping.
 *
 * @param width  pixels
 * @param height pixels
 */
public record VideoSize(int width, int height) {

    public VideoSize {
        if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
            throw new MalformedBitstreamException("implausible size " + width + "x" + height);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
