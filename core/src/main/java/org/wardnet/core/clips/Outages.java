package org.wardnet.core.clips;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.health.HealthState;

/** Turns a camera's health history into the outages that explain gaps in its footage. */
public final class Outages {

    private Outages() {
    }

    /**
     * The periods the camera was OFFLINE, from its health events (newest first, as the history
     * returns them, reaching back before the window so the state at its start is known).
     *
     * @param until where an outage still open at the newest event ends
     */
    public static List<Timeline.Outage> offline(List<HealthEvent> newestFirst, Instant until) {
        List<Timeline.Outage> outages = new ArrayList<>();
        Instant end = until;
        for (HealthEvent event : newestFirst) {
            if (event.subject() != HealthEvent.Subject.CAMERA) {
                continue;
            }
            if (HealthState.OFFLINE.name().equals(event.to())) {
                outages.add(0, new Timeline.Outage(event.at(), end,
                        "camera offline" + (event.reason() == null ? "" : ": " + event.reason())));
            }
            end = event.at();
        }
        return outages;
    }
}
