package org.wardnet.app.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.health.CameraHealth;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.health.HealthHistory;
import org.wardnet.core.health.HealthListener;
import org.wardnet.core.health.HealthMonitor;
import org.wardnet.core.health.HealthState;
import org.wardnet.core.health.StateCounts;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Ids;
import org.wardnet.core.registry.ListQuery;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.Tier;

/**
 * Camera health as a caller sees it: one camera with its recent history, a site subtree's counts
 * with one line per child site, counts per tier for the metrics, and the event stream. A camera or
 * site outside the caller's scope is answered as one that does not exist.
 *
 * <p>Limits: a summary walks every camera of the subtree (about 12,400 in the district, a few
 * milliseconds); {@link #camera} reads the history store, so it blocks.
 */
public final class HealthQueries {

    /** Events of a camera's history shown with its health. */
    static final int HISTORY = 20;

    private final Registry registry;
    private final HealthMonitor monitor;
    private final HealthHistory history;
    private final HealthEventHub hub;
    private final RemoteHealth remote;
    private final boolean monitoring;

    HealthQueries(Registry registry, HealthMonitor monitor, HealthHistory history, HealthEventHub hub,
            RemoteHealth remote, boolean monitoring) {
        this.registry = registry;
        this.monitor = monitor;
        this.history = history;
        this.hub = hub;
        this.remote = remote;
        this.monitoring = monitoring;
    }

    /**
     * One camera's health and its latest {@value #HISTORY} events, newest first.
     *
     * @param remote what a child node reported of it; null for a camera probed here
     */
    public record CameraReport(Camera camera, CameraHealth health, List<HealthEvent> history, boolean monitoring,
            RemoteHealth.Report remote) {
    }

    /** A child site's line in a summary. */
    public record ChildSummary(Site site, boolean unreachable, StateCounts counts) {
    }

    /**
     * Counts in a subtree.
     *
     * @param root        the subtree's root; null when the district has no center yet
     * @param unreachable whether the root's cameras fail together (a link down)
     */
    public record SiteSummary(Site root, boolean unreachable, StateCounts counts, List<ChildSummary> children,
            boolean monitoring) {
    }

    /**
     * @throws DomainException NOT_FOUND when there is no such camera in the caller's scope
     */
    public CameraReport camera(Caller caller, String cameraId) {
        Camera camera = Ids.isValid(cameraId) ? registry.camera(cameraId).filter(c -> caller.sees(c.siteId()))
                .orElse(null) : null;
        if (camera == null) {
            throw DomainException.notFound("no camera '" + cameraId + "'");
        }
        RemoteHealth.Report report = remote.report(camera);
        return new CameraReport(camera, report != null ? report.health() : monitor.health(cameraId),
                history.recent(cameraId, HISTORY), monitoring, report);
    }

    /**
     * The subtree of {@code siteId}; without one, the district (a district-wide caller) or the
     * caller's one granted site.
     *
     * @throws DomainException INVALID when the site is unknown or outside the scope, or when a
     *                         caller with several granted sites names none
     */
    public SiteSummary summary(Caller caller, String siteId) {
        String wanted = siteId != null ? siteId : caller.districtWide() ? null : onlyRoot(caller);
        Site root = wanted == null ? center() : registry.site(wanted).filter(s -> caller.sees(s.id()))
                .orElseThrow(() -> DomainException.badRequest("site: no site '" + wanted + "'"));
        List<Site> children = root == null ? List.of() : registry.queries().sites(
                new ListQuery(null, Integer.MAX_VALUE, root.id(), null), null).items()
                .stream().filter(s -> root.id().equals(s.parentId())).toList();
        Map<String, StateCounts> perChild = new LinkedHashMap<>();
        children.forEach(child -> perChild.put(child.id(), new StateCounts()));
        StateCounts total = new StateCounts();
        for (Camera camera : registry.queries().cameras(new ListQuery(null, Integer.MAX_VALUE,
                root == null ? null : root.id(), null)).items()) {
            HealthState state = stateOf(camera);
            total.add(state);
            String child = childOf(root, camera.siteId());
            if (child != null) {
                perChild.get(child).add(state);
            }
        }
        List<ChildSummary> lines = new ArrayList<>(children.size());
        for (Site child : children) {
            lines.add(new ChildSummary(child, siteUnreachable(child.id()), perChild.get(child.id())));
        }
        return new SiteSummary(root, root != null && siteUnreachable(root.id()), total, lines, monitoring);
    }

    /**
     * The state of every camera the caller sees (UNKNOWN before its first probe), in id order, for
     * colouring a map or listing a room; with {@code siteId}, only that site's subtree. Answers
     * from memory.
     *
     * @throws DomainException INVALID when the site is unknown or outside the scope
     */
    public Map<String, HealthState> states(Caller caller, String siteId) {
        Collection<Camera> cameras;
        if (siteId == null) {
            cameras = registry.queries().allCameras().stream().filter(c -> caller.sees(c.siteId())).toList();
        } else {
            registry.site(siteId).filter(s -> caller.sees(s.id()))
                    .orElseThrow(() -> DomainException.badRequest("site", "no site '" + siteId + "'"));
            cameras = registry.queries().cameraIdsInSubtree(siteId).stream().map(registry::camera)
                    .flatMap(Optional::stream).toList();
        }
        Map<String, HealthState> states = new TreeMap<>();
        for (Camera camera : cameras) {
            states.put(camera.id(), stateOf(camera));
        }
        return states;
    }

    /** A camera's state: its own monitor's, or what its child node reported (STALE while out of reach). */
    private HealthState stateOf(Camera camera) {
        RemoteHealth.Report report = remote.report(camera);
        CameraHealth health = report != null ? report.health() : monitor.health(camera.id());
        return health == null ? HealthState.UNKNOWN : health.state();
    }

    private boolean siteUnreachable(String siteId) {
        return monitor.siteUnreachable(siteId) || remote.siteUnreachable(siteId);
    }

    /** Cameras per state by the tier of their site, over the whole district (for the metrics). */
    public Map<Tier, StateCounts> countsByTier() {
        return rollUp(site -> site.tier(), Tier.class);
    }

    /**
     * Sends each health event the caller may see to {@code listener} (alarms only, if asked), until
     * the returned handle is run.
     */
    public Runnable subscribe(Caller caller, boolean alarmsOnly, HealthListener listener) {
        return hub.subscribe(event -> {
            if ((!alarmsOnly || event.alarm()) && sees(caller, event)) {
                listener.on(event);
            }
        });
    }

    private boolean sees(Caller caller, HealthEvent event) {
        if (caller.districtWide()) {
            return true;
        }
        return switch (event.subject()) {
            case SITE -> caller.sees(event.id());
            case NODE -> event.groupedBy() != null && caller.sees(event.groupedBy()); // the node's own site
            case CAMERA -> registry.camera(event.id()).filter(c -> caller.sees(c.siteId())).isPresent();
        };
    }

    private <K extends Enum<K>> Map<K, StateCounts> rollUp(Function<Site, K> keyOf, Class<K> keys) {
        Map<K, StateCounts> counts = new EnumMap<>(keys);
        for (K key : keys.getEnumConstants()) {
            counts.put(key, new StateCounts());
        }
        for (Camera camera : registry.queries().allCameras()) {
            registry.site(camera.siteId()).ifPresent(site -> counts.get(keyOf.apply(site)).add(stateOf(camera)));
        }
        return counts;
    }

    /** A scoped caller's summary starts at its one granted site; with several, it must say which. */
    private static String onlyRoot(Caller caller) {
        if (caller.scope().roots().size() != 1) {
            throw DomainException.badRequest("site is required: your grants cover " + caller.scope());
        }
        return caller.scope().roots().get(0);
    }

    private Site center() {
        return registry.queries().sites(new ListQuery(null, 1, null, null), Tier.CENTER).items().stream().findFirst()
                .orElse(null);
    }

    /** The child of {@code root} on the way from {@code siteId} up to it, or null. */
    private String childOf(Site root, String siteId) {
        if (root == null) {
            return null;
        }
        String previous = null;
        for (String id = siteId; id != null; id = registry.site(id).map(Site::parentId).orElse(null)) {
            if (id.equals(root.id())) {
                return previous;
            }
            previous = id;
        }
        return null;
    }
}
