package org.wardnet.core.install;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where to probe: the WS-Discovery multicast group on one interface, or every address of an IPv4
 * range by unicast (for networks whose routers do not pass multicast).
 *
 * @param multicastInterface interface name for a multicast probe; null for a range
 * @param first              first address of the range (inclusive); null for multicast
 * @param last               last address of the range (inclusive); null for multicast
 * @param port               UDP port the devices listen on (3702)
 */
public record DiscoveryScope(String multicastInterface, Inet4Address first, Inet4Address last, int port) {

    public static final String GROUP = "239.255.255.250";
    public static final int PORT = 3702;

    public static DiscoveryScope multicast(String interfaceName, int port) {
        return new DiscoveryScope(interfaceName, null, null, port);
    }

    public boolean isMulticast() {
        return first == null;
    }

    /**
     * Parses {@code a.b.c.d-e.f.g.h}, {@code a.b.c.d/nn} or one address.
     *
     * @param maxAddresses the most addresses a range may hold
     * @throws IllegalArgumentException with a message for the caller when malformed or too wide
     */
    public static DiscoveryScope range(String text, int port, int maxAddresses) {
        String spec = text == null ? "" : text.strip();
        long low;
        long high;
        int slash = spec.indexOf('/');
        int dash = spec.indexOf('-');
        if (slash > 0) {
            int bits = parseBits(spec.substring(slash + 1));
            long base = toLong(spec.substring(0, slash));
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            low = base & mask;
            high = low | (~mask & 0xFFFFFFFFL);
        } else if (dash > 0) {
            low = toLong(spec.substring(0, dash));
            high = toLong(spec.substring(dash + 1));
        } else {
            low = toLong(spec);
            high = low;
        }
        if (high < low) {
            throw new IllegalArgumentException("range '" + spec + "' ends before it starts");
        }
        if (high - low + 1 > maxAddresses) {
            throw new IllegalArgumentException("range '" + spec + "' holds " + (high - low + 1)
                    + " addresses; at most " + maxAddresses + " per discovery");
        }
        return new DiscoveryScope(null, toAddress(low), toAddress(high), port);
    }

    /** Every address of the range, in order; empty for multicast. */
    public List<Inet4Address> addresses() {
        List<Inet4Address> all = new ArrayList<>();
        if (isMulticast()) {
            return all;
        }
        for (long a = toLong(first); a <= toLong(last); a++) {
            all.add(toAddress(a));
        }
        return all;
    }

    public String describe() {
        return isMulticast() ? "multicast on " + multicastInterface
                : first.getHostAddress() + "-" + last.getHostAddress();
    }

    private static int parseBits(String text) {
        try {
            int bits = Integer.parseInt(text.strip());
            if (bits < 0 || bits > 32) {
                throw new NumberFormatException();
            }
            return bits;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a prefix length 0..32");
        }
    }

    private static long toLong(String dotted) {
        String[] parts = dotted.strip().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + dotted.strip() + "' is not an IPv4 address");
        }
        long value = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                octet = -1;
            }
            if (octet < 0 || octet > 255 || part.length() > 3) {
                throw new IllegalArgumentException("'" + dotted.strip() + "' is not an IPv4 address");
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    private static long toLong(Inet4Address address) {
        byte[] b = address.getAddress();
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }

    private static Inet4Address toAddress(long value) {
        byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }
}
