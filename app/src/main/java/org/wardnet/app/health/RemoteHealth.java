package org.wardnet.app.health;

import java.time.Instant;
import org.wardnet.core.health.CameraHealth;
import org.wardnet.core.health.HealthState;
import org.wardnet.core.registry.Camera;

/**
 * The health of cameras another node probes (a child tier node's), as this node knows it from
 * what that node pushed. Answers from memory.
 */
public interface RemoteHealth {

    /**
     * What is known here of a camera probed elsewhere.
     *
     * @param health         the state shown: the node's last report, or STALE while the node is out of reach
     * @param node           the child node the reports come through
     * @param lastKnown      the state the node last reported; null before its first report
     * @param lastKnownSince since when the camera has been in it, by the node's clock; null with lastKnown
     */
    record Report(CameraHealth health, String node, HealthState lastKnown, Instant lastKnownSince) {
    }

    /** What is known of {@code camera}; null for a camera probed here. */
    Report report(Camera camera);

    /** Whether a site whose cameras are probed elsewhere was last reported unreachable. */
    boolean siteUnreachable(String siteId);

    /** For a node without children: every camera is probed here. */
    RemoteHealth NONE = new RemoteHealth() {
        @Override
        public Report report(Camera camera) {
            return null;
        }

        @Override
        public boolean siteUnreachable(String siteId) {
            return false;
        }
    };
}
