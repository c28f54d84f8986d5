package org.wardnet.app.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.wardnet.app.health.RemoteHealth;
import org.wardnet.core.federation.SyncedState;
import org.wardnet.core.health.CameraHealth;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.health.HealthState;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;

/**
 * A parent's view of the health of its child nodes' cameras: the latest state each node pushed,
 * shown as it is while the node is in touch, and as STALE (with the last state and its age
 * beside it) while the node, or a node deeper down that its child reported unreachable, is out
 * of reach. Never OFFLINE on a guess: only a node that probes a camera says it is down.
 *
 * <p>Answers from memory; seeded at start from the stored latest states.
 */
public final class NodeHealth implements RemoteHealth {

    private static final Set<String> CAMERA_STATES = Arrays.stream(HealthState.values())
            .filter(s -> s != HealthState.STALE).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> LINK_STATES = Set.of("REACHABLE", "UNREACHABLE");
    private static final int MAX_DEPTH = 64;

    private final Nodes nodes;
    private final NodeLinks links;
    private final Registry registry;
    private final Map<String, SyncedState> cameras = new ConcurrentHashMap<>();
    private final Map<String, SyncedState> sites = new ConcurrentHashMap<>();
    /** Deeper nodes reported unreachable, by the site their subtree hangs from. */
    private final Map<String, SyncedState> unreachableBelow = new ConcurrentHashMap<>();

    public NodeHealth(Nodes nodes, NodeLinks links, Registry registry, List<SyncedState> stored) {
        this.nodes = nodes;
        this.links = links;
        this.registry = registry;
        apply(stored);
    }

    /**
     * The latest states {@code events} (pushed by {@code node}, in order) leave: a camera's health
     * state (a recorder's note is history, not a state), a site's reachability, a deeper node's link.
     */
    public static List<SyncedState> statesOf(String node, List<HealthEvent> events) {
        List<SyncedState> states = new ArrayList<>();
        for (HealthEvent event : events) {
            if (event.subject() == HealthEvent.Subject.CAMERA && !CAMERA_STATES.contains(event.to())
                    || event.subject() == HealthEvent.Subject.NODE && !LINK_STATES.contains(event.to())) {
                continue; // a recorder's note, an audit alarm: history, not a state
            }
            states.add(new SyncedState(event.subject(), event.id(), node, event.to(), event.at(), event.reason(),
                    event.subject() == HealthEvent.Subject.NODE ? event.groupedBy() : null));
        }
        return states;
    }

    /** Takes in states a push has committed. */
    public void apply(List<SyncedState> states) {
        for (SyncedState state : states) {
            switch (state.subject()) {
                case CAMERA -> cameras.put(state.id(), state);
                case SITE -> sites.put(state.id(), state);
                case NODE -> {
                    if (state.rootSite() == null) {
                        break;
                    }
                    if ("UNREACHABLE".equals(state.state())) {
                        unreachableBelow.put(state.rootSite(), state);
                    } else {
                        unreachableBelow.remove(state.rootSite());
                    }
                }
            }
        }
    }

    @Override
    public Report report(Camera camera) {
        String node = nodes.ownerOf(camera.siteId()).orElse(null);
        if (node == null) {
            return null;
        }
        SyncedState last = cameras.get(camera.id());
        HealthState lastState = last == null ? null : HealthState.valueOf(last.state());
        Instant lastSince = last == null ? null : last.since();
        String staleBecause = null;
        Instant staleSince = null;
        if (links.stale(node)) {
            staleSince = links.unreachableSince(node).orElse(null);
            staleBecause = "node " + node + (staleSince == null ? " is revoked" : " unreachable since " + staleSince);
        } else {
            SyncedState below = unreachableBelow(camera.siteId());
            if (below != null) {
                staleSince = below.since();
                staleBecause = "node " + below.id() + " unreachable since " + below.since() + " (reported by " + node
                        + ")";
            }
        }
        CameraHealth health;
        if (staleBecause != null) {
            health = new CameraHealth(camera.id(), HealthState.STALE, staleSince, null, null, null, null,
                    staleBecause + "; last reported " + (last == null ? "nothing" : lastState + " since " + lastSince),
                    null, null, null, 0, null, 0);
        } else if (last == null) {
            health = null; // not reported yet: UNKNOWN
        } else {
            health = new CameraHealth(camera.id(), lastState, lastSince, null, null, null, null, last.reason(), null,
                    null, null, 0, null, 0);
        }
        return new Report(health, node, lastState, lastSince);
    }

    @Override
    public boolean siteUnreachable(String siteId) {
        SyncedState state = sites.get(siteId);
        return state != null && "UNREACHABLE".equals(state.state());
    }

    /** The deeper node reported unreachable whose subtree holds {@code siteId}, or null. */
    private SyncedState unreachableBelow(String siteId) {
        if (unreachableBelow.isEmpty()) {
            return null;
        }
        int depth = 0;
        for (String id = siteId; id != null && depth < MAX_DEPTH; depth++) {
            SyncedState state = unreachableBelow.get(id);
            if (state != null) {
                return state;
            }
            id = registry.site(id).map(Site::parentId).orElse(null);
        }
        return null;
    }
}
