package org.wardnet.adapters.rtsp;

/** A session description that cannot be used; the message says what is missing. */
public final class SdpException extends RuntimeException {

    public SdpException(String message) {
        super(message);
    }
}
