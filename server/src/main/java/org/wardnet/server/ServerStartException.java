package org.wardnet.server;

/** The server could not start (most often: the address is in use); the message says where and why. */
public final class ServerStartException extends RuntimeException {

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
