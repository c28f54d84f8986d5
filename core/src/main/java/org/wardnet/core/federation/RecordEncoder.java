package org.wardnet.core.federation;

import java.time.Instant;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Site;

/**
 * How a record becomes a journal entry's payload: the sync wire format, given to the stores by the
 * node's wiring (the domain holds no JSON library). Device passwords are never part of it: the
 * parent does not probe a child's cameras, and a credential must not travel up the tiers. Nor is a
 * clip's media location: the footage stays on the node that holds it, and the parent asks that
 * node for it by the clip's id.
 */
public interface RecordEncoder {

    String site(Site site);

    String camera(Camera camera);

    String healthEvent(HealthEvent event);

    String clip(Clip clip);

    /** A camera's latest verification: when, whether it passed, and its checklist as the API renders it. */
    String verification(Instant verifiedAt, boolean passed, String reportJson);
}
