package org.wardnet.simulator.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Loopback ports free at the moment of asking, for a simulator or demo started by a test or a
 * benchmark next to others. Limits: the port is released before it is used, so another process
 * could take it in between; fine on a test machine, not a reservation.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** A TCP port free on 127.0.0.1 (the simulated cameras bind it on every 127.1.x.y). */
    public static int tcp() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on loopback", e);
        }
    }

    /** A UDP port free on 127.0.0.1 (for WS-Discovery answers). */
    public static int udp() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free UDP port on loopback", e);
        }
    }
}
