package org.wardnet.adapters.media;

/** A parameter set that cannot be read: truncated, or not the NAL type it should be. */
public final class MalformedBitstreamException extends RuntimeException {

    public MalformedBitstreamException(String message) {
        super(message);
    }
}
