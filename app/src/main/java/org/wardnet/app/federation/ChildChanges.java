package org.wardnet.app.federation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.wardnet.core.access.Caller;
import org.wardnet.core.audit.AuditStore;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.SyncProgress;
import org.wardnet.core.federation.SyncedChanges;
import org.wardnet.core.federation.SyncedState;
import org.wardnet.core.health.HealthEvent;
import org.wardnet.core.install.VerificationStore;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.ListQuery;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;

/**
 * The parent's side of a child node's push: its changes applied in sequence order, each one at
 * most once in effect (puts are upserts, deletes of what is gone are no-ops, and changes at or
 * below the node's acknowledged number are skipped), then the highest number acknowledged. A
 * batch reaching outside the node's subtree is refused whole, before anything of it is applied;
 * puts of the sites above the node's own (the node's copy of its ancestry) are skipped.
 *
 * <p>Sites and cameras go to the registry (upserts, so applying one twice changes nothing);
 * health events, the latest states and clip rows go to {@link SyncedChanges} with the node's new
 * acknowledgement in one transaction, so each is applied exactly once. A health event or clip of
 * a camera unknown here is kept under its node: the journal may carry it after the camera's
 * deletion, and refusing it would stop the node's sync for good. Every call counts as the node's
 * contact ({@link NodeLinks}); the health events are then passed to live subscribers.
 *
 * <p>A camera's verification replaces the one kept here (its snapshot stays on the node and is
 * fetched from it). Limits: a kind this node does not know is refused by name.
 */
public final class ChildChanges {

    /** The problem code of a batch refused because the one before it is not applied yet. */
    public static final String OUT_OF_STEP = "sync-out-of-step";

    /** What a push did: the node's acknowledged number after it, and how many changes were new. */
    public record Receipt(String node, long ackedSeq, int applied, int skipped) {
    }

    /**
     * Where a node resumes, and the sites from the center down to the node's own site as the
     * parent holds them: the node keeps a copy, so that its own site hangs where it belongs.
     */
    public record State(String node, long ackedSeq, List<Site> ancestry) {
    }

    private final Registry registry;
    private final SyncProgress progress;
    private final SyncedChanges synced;
    private final NodeHealth health;
    private final NodeLinks links;
    private final Consumer<HealthEvent> live;
    private final VerificationStore verifications;
    private final Clock clock;
    private final ChangeDecoder decoder;
    private final boolean takesPushes;

    /**
     * @param live          told of each health event a push brought, once it is stored
     * @param verifications where a camera's latest verification the node sent is kept
     * @param takesPushes   false on a server that serves the API beside the store's full server,
     *                      which alone applies pushes: pushes are refused (409) naming why
     */
    public ChildChanges(Registry registry, SyncRecords records, SyncProgress progress, SyncedChanges synced,
            NodeHealth health, NodeLinks links, Consumer<HealthEvent> live, VerificationStore verifications,
            Clock clock, boolean takesPushes) {
        this.takesPushes = takesPushes;
        this.verifications = verifications;
        this.registry = registry;
        this.decoder = new ChangeDecoder(records);
        this.progress = progress;
        this.synced = synced;
        this.health = health;
        this.links = links;
        this.live = live;
        this.clock = clock;
    }

    /** Where the calling node resumes: the highest of its sequence numbers applied here, and its ancestry. */
    public State state(Caller caller) {
        String node = nodeOf(caller);
        links.contact(node);
        return new State(node, progress.acked(node), ancestry(caller));
    }

    /** The node's own site (the root of its scope) and the sites above it, center first. */
    private List<Site> ancestry(Caller caller) {
        List<Site> chain = new ArrayList<>();
        String root = caller.scope().roots().isEmpty() ? null : caller.scope().roots().get(0);
        for (String id = root; id != null && chain.size() < 64; ) {
            Site site = registry.site(id).orElse(null);
            if (site == null) {
                break;
            }
            chain.add(0, site);
            id = site.parentId();
        }
        return chain;
    }

    /**
     * Reads a push's records, some read already where the push was parsed (at each change's
     * index, its record or null; {@code read} may be null); needs no lock, so it may run while
     * another push is being applied.
     *
     * @throws DomainException INVALID for a change that cannot be read or a kind not synced yet
     */
    public ChangeDecoder.Batch decode(List<Change> changes, List<Object> read) {
        return decoder.decode(changes, read);
    }

    /** What reads the records of a push where it is parsed: the clips, nearly all of what is pushed. */
    public ChangeDecoder decoder() {
        return decoder;
    }

    /**
     * Applies a push {@linkplain #decode read} before; {@code head} is the node's newest sequence
     * number as it says (-1 when it does not), for ops' lag. {@code after} is the sequence number the
     * node says the batch continues from (-1 when it does not say): a node with several batches
     * on their way names it, and a batch that would leave a gap (its predecessor not applied yet:
     * lost, or overtaken on another connection) is refused whole, to be sent again.
     *
     * @throws DomainException FORBIDDEN for a change outside the node's subtree, CONFLICT
     *                         ({@value #OUT_OF_STEP}) for a batch after a gap (nothing applied)
     */
    public synchronized Receipt apply(Caller caller, ChangeDecoder.Batch batch, long after, long head) {
        if (!takesPushes) {
            throw DomainException.conflict("this server serves the API beside the store's full server"
                    + " (server.role api) and applies no pushes: point the node's federation.parentUrl at the full"
                    + " server");
        }
        String node = nodeOf(caller);
        links.contact(node);
        long acked = progress.acked(node);
        if (after > acked) {
            throw new DomainException(DomainException.Kind.CONFLICT, OUT_OF_STEP, "Batch out of step",
                    "node " + node + "'s batch continues from " + after + " but " + acked
                            + " is the highest applied; send again from there");
        }
        List<Change> changes = batch.changes();
        Set<String> above = ancestry(caller).stream().map(Site::id).collect(Collectors.toSet());
        caller.scope().roots().forEach(above::remove);
        // a node keeps a copy of the sites above its own; its puts of them are not its to make here
        List<Change> fresh = new ArrayList<>(changes.size());
        List<Object> decoded = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            if (c.seq() > acked && !(c.kind() == Change.Kind.SITE && c.op() == Change.Op.PUT
                    && above.contains(c.key()))) {
                fresh.add(c);
                decoded.add(batch.records().get(i));
            }
        }
        check(caller, fresh, decoded);
        List<HealthEvent> events = new ArrayList<>();
        List<HealthEvent> latest = new ArrayList<>();
        // a clip's last change in the batch is what counts (a put, or a delete after it): one row each
        Map<Long, Clip> clipsLast = new LinkedHashMap<>();
        SyncRecords.SnapshotEnd end = null;
        List<AuditStore.Head> heads = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            Change change = fresh.get(i);
            switch (change.kind()) {
                case SITE, CAMERA -> putRegistry(change, decoded.get(i));
                case VERIFICATION -> {
                    SyncRecords.Verification verification = (SyncRecords.Verification) decoded.get(i);
                    verifications.save(change.key(), verification.verifiedAt(), verification.passed(),
                            verification.reportJson()); // replaces the camera's: applying it twice changes nothing
                }
                case HEALTH -> {
                    events.add((HealthEvent) decoded.get(i));
                    latest.add((HealthEvent) decoded.get(i));
                }
                case STATE -> latest.add((HealthEvent) decoded.get(i));
                case AUDIT_HEAD -> heads.add((AuditStore.Head) decoded.get(i));
                case SNAPSHOT -> {
                    if (decoded.get(i) instanceof SyncRecords.SnapshotEnd ending) {
                        end = ending;
                        dropUnnamed(caller, ending);
                    }
                }
                case CLIP -> {
                    if (change.op() == Change.Op.PUT) {
                        Clip clip = (Clip) decoded.get(i);
                        clipsLast.remove(clip.id());
                        clipsLast.put(clip.id(), clip);
                    } else {
                        clipsLast.remove((Long) decoded.get(i));
                        clipsLast.put((Long) decoded.get(i), null);
                    }
                }
                default -> throw new IllegalStateException("checked kinds only: " + change.kind());
            }
        }
        long highest = changes.stream().mapToLong(Change::seq).max().orElse(acked);
        List<Clip> clipPuts = clipsLast.values().stream().filter(Objects::nonNull).toList();
        List<Long> clipDeletes = clipsLast.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                .toList();
        events.addAll(rewound(caller, node, heads));
        List<SyncedState> states = NodeHealth.statesOf(node, latest);
        SyncedChanges.Batch rest = new SyncedChanges.Batch(events, states, clipPuts, clipDeletes,
                end == null ? null : end.begin(), heads);
        if (!rest.isEmpty()) {
            synced.apply(node, rest, Math.max(acked, highest), clock.instant());
            health.apply(states);
            events.forEach(live);
        } else if (highest > acked) {
            progress.acked(node, highest, clock.instant());
        }
        links.pushed(node, Math.max(acked, highest), head);
        return new Receipt(node, Math.max(acked, highest), fresh.size(), changes.size() - fresh.size());
    }

    /** Checks that every change lies in the caller's subtree, as the batch leaves it. */
    private void check(Caller caller, List<Change> changes, List<Object> decoded) {
        Set<String> sitesOfBatch = new HashSet<>();
        Map<String, String> camerasOfBatch = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            Object record = decoded.get(i);
            switch (change.kind()) {
                case SITE -> {
                    Site existing = registry.site(change.key()).orElse(null);
                    if (change.op() == Change.Op.PUT) {
                        Site site = (Site) record;
                        boolean placed = sees(caller, sitesOfBatch, site.parentId())
                                || existing != null && caller.sees(site.id()) && site.parentId() != null
                                && site.parentId().equals(existing.parentId());
                        require(placed && (existing == null || caller.sees(existing.id())) && site.id().equals(
                                change.key()), change);
                        sitesOfBatch.add(site.id());
                    } else {
                        require(existing == null || caller.sees(existing.id()) && !caller.scope().roots()
                                .contains(existing.id()), change);
                    }
                }
                case CAMERA -> {
                    Camera existing = registry.camera(change.key()).orElse(null);
                    if (change.op() == Change.Op.PUT) {
                        Camera camera = (Camera) record;
                        require(sees(caller, sitesOfBatch, camera.siteId()) && camera.id().equals(change.key())
                                && (existing == null || caller.sees(existing.siteId())), change);
                        camerasOfBatch.put(camera.id(), camera.siteId());
                    } else {
                        require(existing == null || caller.sees(existing.siteId()), change);
                    }
                }
                case HEALTH, STATE -> {
                    HealthEvent event = (HealthEvent) record;
                    require(event.id().equals(change.key()) && inScope(caller, sitesOfBatch, camerasOfBatch, event),
                            change);
                }
                case CLIP -> {
                    if (change.op() == Change.Op.PUT) {
                        Clip clip = (Clip) record;
                        String site = camerasOfBatch.getOrDefault(clip.cameraId(),
                                registry.camera(clip.cameraId()).map(Camera::siteId).orElse(null));
                        require(Long.toString(clip.id()).equals(change.key())
                                && (site == null || sees(caller, sitesOfBatch, site)), change);
                    }
                }
                case VERIFICATION -> {
                    String site = camerasOfBatch.getOrDefault(change.key(),
                            registry.camera(change.key()).map(Camera::siteId).orElse(null));
                    require(site == null || sees(caller, sitesOfBatch, site), change);
                }
                default -> {
                    // audit heads and re-send marks name nothing of the registry
                }
            }
        }
    }

    /**
     * Whether a health event's subject lies in the node's subtree: a camera or site known here
     * must; one unknown here is the node's to report (see the class comment).
     */
    private boolean inScope(Caller caller, Set<String> sitesOfBatch, Map<String, String> camerasOfBatch,
            HealthEvent event) {
        String site = switch (event.subject()) {
            case CAMERA -> camerasOfBatch.getOrDefault(event.id(),
                    registry.camera(event.id()).map(Camera::siteId).orElse(null));
            case SITE -> registry.site(event.id()).map(Site::id).orElse(null);
            case NODE -> event.groupedBy() == null ? null : registry.site(event.groupedBy()).map(Site::id).orElse(null);
        };
        return site == null || sees(caller, sitesOfBatch, site);
    }

    /**
     * An alarm for each head that does not continue the node's chain as it was last sent: a lower
     * number (the trail lost entries: a restore from a backup, or worse), or the same number with
     * another hash (the trail was rewritten). Either way its past can no longer be proved.
     */
    private List<HealthEvent> rewound(Caller caller, String node, List<AuditStore.Head> heads) {
        List<HealthEvent> alarms = new ArrayList<>();
        AuditStore.Head last = synced.auditHead(node).orElse(null);
        for (AuditStore.Head head : heads) {
            if (last != null && (head.seq() < last.seq() || head.seq() == last.seq() && !head.hash().equals(last.hash()))) {
                alarms.add(new HealthEvent(clock.instant(), HealthEvent.Subject.NODE, node, "AUDIT_CHAINED",
                        "AUDIT_BROKEN", "node " + node + "'s audit trail no longer continues what it sent: entry "
                                + last.seq() + " had hash " + last.hash() + ", now its trail ends at " + head.seq()
                                + " with " + head.hash(), true,
                        caller.scope().roots().isEmpty() ? null : caller.scope().roots().get(0)));
            }
            last = head;
        }
        return alarms;
    }

    /**
     * At the end of a full re-send: the node's cameras and sites (below its own site) that the
     * re-send did not name are gone from the node, so they go here too; cameras first, then sites
     * from the deepest up.
     */
    private void dropUnnamed(Caller caller, SyncRecords.SnapshotEnd end) {
        for (String root : caller.scope().roots()) {
            for (String camera : List.copyOf(registry.queries().cameraIdsInSubtree(root))) {
                if (!end.cameras().contains(camera)) {
                    registry.deleteSyncedCamera(camera);
                }
            }
            List<Site> below = registry.queries().sites(new ListQuery(null, Integer.MAX_VALUE, root, null), null)
                    .items().stream().filter(site -> !site.id().equals(root)).toList();
            for (Site site : depthFirst(below)) {
                if (!end.sites().contains(site.id())) {
                    registry.deleteSyncedSite(site.id());
                }
            }
        }
    }

    /** Sites ordered deepest first, so that a site is deleted after the sites under it. */
    private List<Site> depthFirst(List<Site> sites) {
        Map<String, Integer> depth = new HashMap<>();
        for (Site site : sites) {
            int d = 0;
            for (String id = site.parentId(); id != null && d < 64; id = registry.site(id).map(Site::parentId)
                    .orElse(null)) {
                d++;
            }
            depth.put(site.id(), d);
        }
        return sites.stream().sorted((a, b) -> Integer.compare(depth.get(b.id()), depth.get(a.id()))).toList();
    }

    private void putRegistry(Change change, Object record) {
        if (change.kind() == Change.Kind.SITE) {
            if (change.op() == Change.Op.PUT) {
                registry.putSynced((Site) record);
            } else {
                registry.deleteSyncedSite(change.key());
            }
        } else if (change.op() == Change.Op.PUT) {
            registry.putSynced((Camera) record);
        } else {
            registry.deleteSyncedCamera(change.key());
        }
    }

    private static boolean sees(Caller caller, Set<String> sitesOfBatch, String siteId) {
        return siteId != null && (caller.sees(siteId) || sitesOfBatch.contains(siteId));
    }

    private static void require(boolean inside, Change change) {
        if (!inside) {
            throw DomainException.forbidden("change " + change.seq() + " (" + change.op() + " " + change.kind() + " "
                    + change.key() + ") lies outside this node's subtree; nothing of the batch was applied");
        }
    }

    private static String nodeOf(Caller caller) {
        return Nodes.nodeOf(caller);
    }
}
