package org.wardnet.core.clips;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.health.HealthState;

/**
 * Turns a camera's history into the outages that explain gaps in its footage: the camera OFFLINE
 * (health), and its recorder down (a stream failed and is reconnecting, or recording stopped, or
 * the recorder restarted after dying without saying so).
 */
public final class Outages {

    /** Recorder states written into a camera's history beside its health states. */
    public static final String RECORDING = "RECORDING";
    public static final String RECORDER_DOWN = "RECORDER_DOWN";
    public static final String NOT_RECORDING = "NOT_RECORDING";

    private Outages() {
    }

    /** Health outages first (the camera's own fault explains a gap best), then the recorder's. */
    public static List<Timeline.Outage> of(List<HealthEvent> newestFirst, Instant until) {
        List<Timeline.Outage> all = new ArrayList<>(offline(newestFirst.stream().filter(e -> !recorder(e)).toList(), until));
        all.addAll(recorder(newestFirst.stream().filter(Outages::recorder).toList(), until));
        return all;
    }

    private static boolean recorder(HealthEvent event) {
        return RECORDING.equals(event.to()) || RECORDER_DOWN.equals(event.to()) || NOT_RECORDING.equals(event.to());
    }

    /**
     * The recorder's outages: from a RECORDER_DOWN or NOT_RECORDING event to the next RECORDING one;
     * and when a RECORDING event follows another with nothing between, the recorder died unannounced
     * during that session: a "recorder restart" outage spans it.
     */
    static List<Timeline.Outage> recorder(List<HealthEvent> newestFirst, Instant until) {
        List<Timeline.Outage> outages = new ArrayList<>();
        Instant end = until;
        HealthEvent newer = null;
        for (HealthEvent event : newestFirst) {
            if (!RECORDING.equals(event.to())) {
                outages.add(0, new Timeline.Outage(event.at(), end, RECORDER_DOWN.equals(event.to())
                        ? "recorder reconnecting" + (event.reason() == null ? "" : ": " + event.reason())
                        : "recording stopped"));
            } else if (newer != null && RECORDING.equals(newer.to())) {
                outages.add(0, new Timeline.Outage(event.at(), newer.at(), "recorder restart"));
            }
            end = event.at();
            newer = event;
        }
        return outages;
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
