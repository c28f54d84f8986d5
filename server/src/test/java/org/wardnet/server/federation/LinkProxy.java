package org.wardnet.server.federation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The link between two tier nodes, as a test controls it: a TCP proxy on loopback in front of one
 * node that the other connects through, which can cut the link (new connections are refused,
 * open ones closed), slow it (each chunk forwarded late), or reset it (open connections end with
 * a TCP reset), and restore it. Threads, two per connection: a test's handful of links.
 */
public final class LinkProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong forwardedBytes = new AtomicLong();
    private volatile boolean cut;
    private volatile long delayMillis;
    private volatile boolean closed;

    private LinkProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    /** A proxy on a free loopback port forwarding to {@code target}. */
    public static LinkProxy start(InetSocketAddress target) throws IOException {
        LinkProxy proxy = new LinkProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), target);
        Thread acceptor = new Thread(proxy::accept, "link-proxy-" + proxy.port());
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far (cut ones included). */
    public long accepted() {
        return accepted.get();
    }

    /** Bytes forwarded in either direction so far. */
    public long forwardedBytes() {
        return forwardedBytes.get();
    }

    /** The link goes down: open connections are closed and new ones are closed as they come. */
    public void cut() {
        cut = true;
        open.forEach(LinkProxy::closeQuietly);
    }

    /** The link works again, at full speed. */
    public void restore() {
        cut = false;
        delayMillis = 0;
    }

    /** Every chunk waits {@code delay} before it is forwarded. */
    public void slow(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** Open connections end with a TCP reset (RST), as a middlebox dropping state would; the link stays up. */
    public void resetAll() {
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0);
            } catch (SocketException ignored) {
                // closing below ends it anyway
            }
            closeQuietly(socket);
        }
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            if (cut) {
                closeQuietly(client);
                continue;
            }
            Socket server = new Socket();
            try {
                server.connect(target, 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(server);
                continue;
            }
            open.add(client);
            open.add(server);
            pump(client, server);
            pump(server, client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    long delay = delayMillis;
                    if (delay > 0) {
                        Thread.sleep(delay);
                    }
                    if (cut) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    forwardedBytes.addAndGet(n);
                }
            } catch (IOException | InterruptedException e) {
                // one side went away: the other follows below
            } finally {
                open.remove(from);
                open.remove(to);
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "link-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        open.forEach(LinkProxy::closeQuietly);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
