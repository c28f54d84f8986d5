package org.wardnet.app.federation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.SyncProgress;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;

/**
 * The parent's side of a child node's push: its changes applied in sequence order, each one at
 * most once in effect (puts are upserts, deletes of what is gone are no-ops, and changes at or
 * below the node's acknowledged number are skipped), then the highest number acknowledged. A
 * batch reaching outside the node's subtree is refused whole, before anything of it is applied;
 * puts of the sites above the node's own (the node's copy of its ancestry) are skipped.
 *
 * <p>Limits: sites and cameras only, so far; other kinds are refused by name.
 */
public final class ChildChanges {

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
    private final SyncRecords records;
    private final SyncProgress progress;
    private final Clock clock;

    public ChildChanges(Registry registry, SyncRecords records, SyncProgress progress, Clock clock) {
        this.registry = registry;
        this.records = records;
        this.progress = progress;
        this.clock = clock;
    }

    /** Where the calling node resumes: the highest of its sequence numbers applied here, and its ancestry. */
    public State state(Caller caller) {
        String node = nodeOf(caller);
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
     * @throws DomainException INVALID for a change that cannot be read or a kind not synced yet,
     *                         FORBIDDEN for a change outside the node's subtree (nothing applied)
     */
    public synchronized Receipt apply(Caller caller, List<Change> changes) {
        String node = nodeOf(caller);
        long acked = progress.acked(node);
        Set<String> above = ancestry(caller).stream().map(Site::id).collect(Collectors.toSet());
        caller.scope().roots().forEach(above::remove);
        // a node keeps a copy of the sites above its own; its puts of them are not its to make here
        List<Change> fresh = changes.stream().filter(c -> c.seq() > acked)
                .filter(c -> !(c.kind() == Change.Kind.SITE && c.op() == Change.Op.PUT && above.contains(c.key())))
                .toList();
        List<Object> decoded = check(caller, fresh);
        for (int i = 0; i < fresh.size(); i++) {
            put(fresh.get(i), decoded.get(i));
        }
        long highest = changes.stream().mapToLong(Change::seq).max().orElse(acked);
        if (highest > acked) {
            progress.acked(node, highest, clock.instant());
        }
        return new Receipt(node, Math.max(acked, highest), fresh.size(), changes.size() - fresh.size());
    }

    /** Reads every change and checks it lies in the caller's subtree, as the batch leaves it. */
    private List<Object> check(Caller caller, List<Change> changes) {
        Set<String> sitesOfBatch = new HashSet<>();
        List<Object> decoded = new ArrayList<>(changes.size());
        for (Change change : changes) {
            Object record = null;
            switch (change.kind()) {
                case SITE -> {
                    Site existing = registry.site(change.key()).orElse(null);
                    if (change.op() == Change.Op.PUT) {
                        Site site = records.site(change.payload());
                        boolean placed = sees(caller, sitesOfBatch, site.parentId())
                                || existing != null && caller.sees(site.id()) && site.parentId() != null
                                && site.parentId().equals(existing.parentId());
                        require(placed && (existing == null || caller.sees(existing.id())) && site.id().equals(
                                change.key()), change);
                        sitesOfBatch.add(site.id());
                        record = site;
                    } else {
                        require(existing == null || caller.sees(existing.id()) && !caller.scope().roots()
                                .contains(existing.id()), change);
                    }
                }
                case CAMERA -> {
                    Camera existing = registry.camera(change.key()).orElse(null);
                    if (change.op() == Change.Op.PUT) {
                        Camera camera = records.camera(change.payload());
                        require(sees(caller, sitesOfBatch, camera.siteId()) && camera.id().equals(change.key())
                                && (existing == null || caller.sees(existing.siteId())), change);
                        record = camera;
                    } else {
                        require(existing == null || caller.sees(existing.siteId()), change);
                    }
                }
                default -> throw DomainException.badRequest("kind", change.kind() + " changes are not synced yet"
                        + " (change " + change.seq() + ")");
            }
            decoded.add(record);
        }
        return decoded;
    }

    private void put(Change change, Object record) {
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
        String user = caller.principal().user();
        if (!user.startsWith(Nodes.ACCOUNT_PREFIX)) {
            throw DomainException.forbidden("only a tier node's token pushes changes");
        }
        return user.substring(Nodes.ACCOUNT_PREFIX.length());
    }
}
