package org.wardnet.server.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A connection's peer with its address already written as text: formatted once per connection
 * instead of on every request that is audited or logged.
 *
 * <p>Limits: only for peers with an IP address; others stay as they are ({@link #of}).
 */
final class ConnectionPeer extends InetSocketAddress {

    private static final long serialVersionUID = 1L;

    private final String text;

    private ConnectionPeer(InetSocketAddress peer) {
        super(peer.getAddress(), peer.getPort());
        this.text = peer.getAddress().getHostAddress();
    }

    /** {@code peer} with its text made, or {@code peer} itself when it has no IP address. */
    static SocketAddress of(SocketAddress peer) {
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null && !(peer instanceof ConnectionPeer)
                ? new ConnectionPeer(inet) : peer;
    }

    String text() {
        return text;
    }
}
