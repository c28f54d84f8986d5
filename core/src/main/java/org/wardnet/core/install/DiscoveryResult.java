package org.wardnet.core.install;

import java.util.List;

/**
 * What one discovery found.
 *
 * @param devices    distinct devices (merged by endpoint reference), in order of first answer
 * @param probesSent Probe datagrams sent
 * @param answers    ProbeMatch entries received, duplicates included
 * @param unreadable datagrams that were not a readable SOAP message (counted, not fatal)
 * @param firstProblem the first unreadable answer's sender and reason; null when none
 */
public record DiscoveryResult(List<DiscoveredDevice> devices, int probesSent, int answers, int unreadable,
        String firstProblem) {

    public DiscoveryResult {
        devices = List.copyOf(devices);
    }
}
