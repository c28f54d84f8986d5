package org.wardnet.server.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.Executor;

/**
 * A connection's peer with its address already written as text (formatted once per connection
 * instead of on every request that is audited or logged), and the thread that serves the
 * connection, for work that should run where the answer is written.
 *
 * <p>Limits: only for peers with an IP address; others stay as they are ({@link #of}). The
 * thread is not serialised: a deserialised peer has none.
 */
final class ConnectionPeer extends InetSocketAddress {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final transient Executor connectionThread;

    private ConnectionPeer(InetSocketAddress peer, Executor connectionThread) {
        super(peer.getAddress(), peer.getPort());
        this.text = peer.getAddress().getHostAddress();
        this.connectionThread = connectionThread;
    }

    /**
     * {@code peer} with its text made and {@code connectionThread} (the connection's event loop)
     * kept, or {@code peer} itself when it has no IP address.
     */
    static SocketAddress of(SocketAddress peer, Executor connectionThread) {
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null && !(peer instanceof ConnectionPeer)
                ? new ConnectionPeer(inet, connectionThread) : peer;
    }

    String text() {
        return text;
    }

    /** The thread serving the connection; null after deserialisation. */
    Executor connectionThread() {
        return connectionThread;
    }
}
