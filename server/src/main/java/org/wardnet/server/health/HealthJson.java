package org.wardnet.server.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.wardnet.core.health.HealthState;

/** The JSON shapes of the health API; absent members are null and left out of the answer. */
final class HealthJson {

    private HealthJson() {
    }

    /** One camera's health and recent history. */
    record CameraJson(String cameraId, String siteId, String state, Instant since, String reason, Instant lastProbe,
            Long rttMillis, ErrorJson lastError, StreamJson stream, Integer consecutiveFailures,
            List<EventJson> history, ReportedJson reportedBy) {
    }

    /**
     * For a camera a child node probes: the node, the state it last reported, since when, and
     * how old that report's state is now (seconds).
     */
    record ReportedJson(String node, String lastKnownState, Instant lastKnownSince, Long lastKnownAgeSeconds) {
    }

    /** The last probe error; its kind is named "class" in the answer (a reserved word in Java). */
    record ErrorJson(@JsonProperty("class") String errorClass, String message) {
    }

    record StreamJson(String codec, Integer width, Integer height) {
    }

    /** A health event, as in the history and on the event stream. */
    record EventJson(Instant at, String subject, String id, String from, String to, String reason, boolean alarm,
            String groupedBy) {
    }

    /** A subtree's counts with a line per child site. */
    record SummaryJson(String site, String name, String tier, boolean unreachable, int cameras,
            Map<HealthState, Integer> counts, List<ChildJson> children, boolean monitoring) {
    }

    record ChildJson(String site, String name, String tier, boolean unreachable, int cameras,
            Map<HealthState, Integer> counts) {
    }

    /** Each camera's state by its id. */
    record StatesJson(Map<String, HealthState> states) {
    }
}
