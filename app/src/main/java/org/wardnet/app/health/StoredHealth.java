package org.wardnet.app.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wardnet.core.health.CameraHealth;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.health.HealthState;
import org.wardnet.core.registry.Camera;

/**
 * Camera and site health as the store's full server records it, for a server that serves the API
 * beside it without probing ({@code server.role = api}): each recorded state change is told here
 * ({@link #changed}), or every last state at once ({@link #replaceAll}), and reports are answered
 * from memory. The state is the full server's; the probe's details (round trip, error, stream)
 * are not recorded, so they are not shown here.
 *
 * <p>Limits: a state change reaches this server when its announcement is heard (milliseconds
 * after the full server recorded it); a child node's link going STALE is the full server's to
 * tell, and shows here only through the states it records.
 */
public final class StoredHealth implements RemoteHealth {

    /** Says whose states these are, where a report names where it comes from. */
    public static final String SOURCE = "the store's full server";

    private record Known(HealthState state, Instant since) {
    }

    private final Map<String, Known> cameras = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unreachableSites = new ConcurrentHashMap<>();

    /** A state change the full server recorded; changes that are not health states (a recorder's note) are ignored. */
    public void changed(HealthEvent event) {
        switch (event.subject()) {
            case CAMERA -> {
                HealthState state = stateOf(event.to());
                if (state != null) {
                    cameras.merge(event.id(), new Known(state, event.at()),
                            (had, now) -> now.since().isBefore(had.since()) ? had : now);
                }
            }
            case SITE -> unreachableSites.put(event.id(), "UNREACHABLE".equals(event.to()));
            case NODE -> { } // a node's link: the full server shows it
        }
    }

    /** Every subject's last recorded state, replacing what was known. */
    public void replaceAll(List<HealthEvent> latest) {
        cameras.clear();
        unreachableSites.clear();
        latest.forEach(this::changed);
    }

    private static HealthState stateOf(String name) {
        try {
            return HealthState.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    @Override
    public Report report(Camera camera) {
        Known known = cameras.get(camera.id());
        if (known == null) {
            return new Report(CameraHealth.unknown(camera.id(), null), SOURCE, null, null);
        }
        return new Report(new CameraHealth(camera.id(), known.state(), known.since(), null, null, null, null,
                "as recorded by " + SOURCE, null, null, null, 0, null, 0), SOURCE, known.state(), known.since());
    }

    @Override
    public boolean siteUnreachable(String siteId) {
        return unreachableSites.getOrDefault(siteId, false);
    }
}
