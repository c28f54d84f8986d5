package org.wardnet.storage.federation;

import java.time.Instant;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.federation.RecordEncoder;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Site;

/** A stand-in for the sync wire format in store tests: what a record is and its key fields (the real one is tested in app). */
public final class IdEncoder implements RecordEncoder {

    @Override
    public String site(Site site) {
        return "site " + site.id() + " under " + site.parentId();
    }

    @Override
    public String camera(Camera camera) {
        return "camera " + camera.id() + " in " + camera.siteId();
    }

    @Override
    public String healthEvent(HealthEvent event) {
        return event.subject() + " " + event.id() + " " + event.from() + "->" + event.to();
    }

    @Override
    public String verification(Instant verifiedAt, boolean passed, String reportJson) {
        return "verification at " + verifiedAt + (passed ? " passed" : " failed");
    }

    @Override
    public String clip(Clip clip) {
        return "clip " + clip.id() + " of " + clip.cameraId() + " at " + clip.start();
    }
}
