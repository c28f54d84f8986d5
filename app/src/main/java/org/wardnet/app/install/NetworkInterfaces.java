package org.wardnet.app.install;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** Picks the interface for a multicast discovery when neither the request nor the configuration names one. */
final class NetworkInterfaces {

    private NetworkInterfaces() {
    }

    /** The first interface that is up, not loopback and multicast-capable; "lo" when there is none. */
    static String firstLan() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback() && nic.supportsMulticast()) {
                    return nic.getName();
                }
            }
        } catch (SocketException e) {
            // fall through to loopback
        }
        return "lo";
    }
}
