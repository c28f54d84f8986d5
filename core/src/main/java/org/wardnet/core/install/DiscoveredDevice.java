package org.wardnet.core.install;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A device that answered a WS-Discovery Probe.
 *
 * @param endpoint  its endpoint reference address, stable across restarts ({@code urn:uuid:...})
 * @param types     advertised types, such as {@code dn:NetworkVideoTransmitter}
 * @param scopes    scope URIs ({@code onvif://www.onvif.org/name/...})
 * @param xaddrs    device service URLs
 * @param responder the address the answer came from (its host part)
 */
public record DiscoveredDevice(String endpoint, List<String> types, List<String> scopes, List<String> xaddrs,
        String responder) {

    public DiscoveredDevice {
        types = List.copyOf(types);
        scopes = List.copyOf(scopes);
        xaddrs = List.copyOf(xaddrs);
    }

    /** The device's address: the host of its first XAddr, else the responder's. */
    public String address() {
        for (String xaddr : xaddrs) {
            try {
                String host = new URI(xaddr).getHost();
                if (host != null) {
                    return host;
                }
            } catch (Exception ignored) {
                // a broken XAddr says nothing about the address
            }
        }
        return responder;
    }

    public Optional<String> name() {
        return scope("name");
    }

    public Optional<String> location() {
        return scope("location");
    }

    public Optional<String> hardware() {
        return scope("hardware");
    }

    /** The decoded value after {@code onvif://www.onvif.org/<kind>/}, for the first such scope. */
    public Optional<String> scope(String kind) {
        String prefix = "onvif://www.onvif.org/" + kind + "/";
        for (String scope : scopes) {
            if (scope.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return Optional.of(URLDecoder.decode(scope.substring(prefix.length()), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** The union of two answers from the same endpoint (a device answering twice, or on two paths). */
    public DiscoveredDevice merge(DiscoveredDevice other) {
        return new DiscoveredDevice(endpoint, union(types, other.types), union(scopes, other.scopes),
                union(xaddrs, other.xaddrs), responder);
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
