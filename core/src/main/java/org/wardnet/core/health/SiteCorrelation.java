package org.wardnet.core.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Notices when every monitored camera of a site (its whole subtree) fails with connection errors
 * together: then the site's link, not its cameras, is down, and one UNREACHABLE event stands for
 * all of them (and a site inside an unreachable one is grouped under it, not alarmed
 * again). Counts are kept per site along each camera's ancestors, so an update costs the
 * depth of the tree, not the size of the site. Updated on the monitor's thread only;
 * {@link #isUnreachable} may be asked from any thread.
 */
final class SiteCorrelation {

    private final int minimumCameras;
    private final Map<String, Integer> monitored = new HashMap<>();
    private final Map<String, Integer> failing = new HashMap<>();
    private final Set<String> connectionFailing = new HashSet<>();
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet(); // read by any thread

    SiteCorrelation(int minimumCameras) {
        this.minimumCameras = minimumCameras;
    }

    void add(String cameraId, List<String> ancestors) {
        ancestors.forEach(site -> monitored.merge(site, 1, Integer::sum));
    }

    void remove(String cameraId, List<String> ancestors) {
        ancestors.forEach(site -> monitored.merge(site, -1, Integer::sum));
        if (connectionFailing.remove(cameraId)) {
            ancestors.forEach(site -> failing.merge(site, -1, Integer::sum));
        }
    }

    /**
     * Records whether the camera's last probe failed with a connection error; returns the site
     * events this causes (a site becoming unreachable, or reachable again), outermost site first.
     * {@code ancestors} lists the camera's own site first, then its parent, up to the CENTER.
     */
    List<HealthEvent> update(String cameraId, List<String> ancestors, boolean connectionFailure, Instant now,
            Function<String, String> reasonOf) {
        boolean changed = connectionFailure ? connectionFailing.add(cameraId) : connectionFailing.remove(cameraId);
        if (!changed) {
            return List.of();
        }
        List<HealthEvent> events = new ArrayList<>();
        String outer = null; // the outermost unreachable site so far: inner ones are grouped under it
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            String site = ancestors.get(i);
            int down = failing.merge(site, connectionFailure ? 1 : -1, Integer::sum);
            int all = monitored.getOrDefault(site, 0);
            boolean nowUnreachable = all >= minimumCameras && down >= all;
            if (nowUnreachable && unreachable.add(site)) {
                events.add(new HealthEvent(now, HealthEvent.Subject.SITE, site, "REACHABLE", "UNREACHABLE",
                        "all " + all + " cameras fail to connect: " + reasonOf.apply(cameraId), outer == null, outer));
            } else if (!nowUnreachable && unreachable.remove(site)) {
                events.add(new HealthEvent(now, HealthEvent.Subject.SITE, site, "UNREACHABLE", "REACHABLE",
                        "a camera answers again", false, null));
            }
            if (nowUnreachable && outer == null) {
                outer = site;
            }
        }
        return events;
    }

    /** The outermost unreachable site among {@code ancestors} (innermost first), or null. */
    String unreachableAmong(List<String> ancestors) {
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            if (unreachable.contains(ancestors.get(i))) {
                return ancestors.get(i);
            }
        }
        return null;
    }

    boolean isUnreachable(String siteId) {
        return unreachable.contains(siteId);
    }
}
