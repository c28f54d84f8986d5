package org.wardnet.app.clips;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.app.registry.ScopedRegistry;
import org.wardnet.core.access.Caller;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.core.clips.Outages;
import org.wardnet.core.clips.Timeline;
import org.wardnet.core.geo.GeoArea;
import org.wardnet.core.health.HealthHistory;
import org.wardnet.core.registry.Camera;

/**
 * What footage exists, from the index alone: a camera's timeline (covered intervals and gaps, a gap
 * with its cause when the health history knows one) and coverage (which of the caller's cameras in
 * a site subtree or an area have footage in a window). Both read the store: blocking.
 *
 * <p>Limits: a timeline reads at most {@value #MAX_TIMELINE_CLIPS} clips (a wider window is refused
 * by the window limit first); coverage makes one bounded seek per camera.
 */
public final class FootageQueries {

    static final int MAX_TIMELINE_CLIPS = 200_000;
    private static final int PAGE = 5_000;

    private final ClipIndex index;
    private final ScopedRegistry registry;
    private final HealthHistory history;
    private final Duration tolerance;

    /** @param tolerance clips closer than this count as continuous (clips.timelineToleranceMillis) */
    public FootageQueries(ClipIndex index, ScopedRegistry registry, HealthHistory history, Duration tolerance) {
        this.index = index;
        this.registry = registry;
        this.history = history;
        this.tolerance = tolerance;
    }

    /** Where a coverage query looks: a site's subtree, or an area on the map. */
    public record Area(String siteId, GeoArea shape, String description) {

        public static Area site(String siteId) {
            return new Area(siteId, null, "site " + siteId);
        }

        public static Area shape(GeoArea shape, String description) {
            return new Area(null, shape, description);
        }
    }

    /** The caller's cameras in the area, and those of them with footage in the window. */
    public record Coverage(String description, int camerasInScope, List<Camera> withFootage) {
    }

    /** @throws org.wardnet.core.errors.DomainException NOT_FOUND when the camera is not in the caller's scope */
    public Timeline timeline(Caller caller, String cameraId, Instant from, Instant to) {
        registry.camera(caller, cameraId);
        List<Clip> clips = new ArrayList<>();
        ClipIndex.Cursor after = null;
        while (clips.size() < MAX_TIMELINE_CLIPS) {
            List<Clip> page = index.overlapping(cameraId, from, to, after, PAGE);
            clips.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
            Clip last = page.get(page.size() - 1);
            after = new ClipIndex.Cursor(last.start().toEpochMilli(), last.id());
        }
        List<Timeline.Outage> outages = Outages.of(history.before(cameraId, to, 1_000), to);
        return Timeline.of(clips, from, to, tolerance, outages);
    }

    /**
     * The cameras checked are the caller's only: an area reaching over a boundary covers its own side.
     *
     * @throws org.wardnet.core.errors.DomainException NOT_FOUND when the site is not in the caller's scope
     */
    public Coverage coverage(Caller caller, Area area, Instant from, Instant to) {
        List<String> ids;
        if (area.siteId() != null) {
            registry.site(caller, area.siteId());
            ids = registry.registry().queries().cameraIdsInSubtree(area.siteId());
        } else {
            ids = new ArrayList<>();
            for (Camera camera : registry.registry().queries().allCameras()) {
                if (area.shape().contains(camera.location()) && caller.sees(camera.siteId())) {
                    ids.add(camera.id());
                }
            }
        }
        List<Camera> found = new ArrayList<>();
        for (String id : index.withFootage(ids, from, to)) {
            registry.registry().camera(id).ifPresent(found::add);
        }
        return new Coverage(area.description(), ids.size(), found);
    }
}
