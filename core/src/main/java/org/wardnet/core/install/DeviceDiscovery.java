package org.wardnet.core.install;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Finds ONVIF devices (WS-Discovery) in an address range or on the multicast group. */
public interface DeviceDiscovery {

    /**
     * Probes {@code scope} and gathers the answers that arrive within {@code window}. Never fails for
     * unreadable answers: they are counted in the result.
     */
    CompletableFuture<DiscoveryResult> discover(DiscoveryScope scope, Duration window);
}
