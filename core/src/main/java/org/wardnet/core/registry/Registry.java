package org.wardnet.core.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.wardnet.core.errors.DomainException;

/**
 * The registry of sites and cameras: the one place its rules are enforced.
 *
 * <p>Reads are served from memory, lock-free, and never block: they are safe on an event loop.
 * Writes are serialised, checked against the current state, made durable through the
 * {@link RegistryStore} and only then applied in memory, so nothing visible is ever lost and a
 * failed write leaves no trace. Writes block on the store: call them off event loops.
 *
 * <p>Several servers on one store: each holds its own copy, and what another server changes
 * reaches it through {@link #reloadSite}, {@link #reloadCamera} or {@link #reloadAll} (called by
 * whatever hears the store's announcements).
 *
 * <p>Limits: the whole registry is held in memory (about a kilobyte per camera); list filters scan
 * in id order, which is fine for tens of thousands of cameras. With several servers, a change
 * made on another is answered here once heard (milliseconds after its commit), and until then a
 * write here is checked against the older state: the same new id created on two servers at once
 * is refused by the store's key on the second, as a store error.
 */
public final class Registry {

    private final RegistryStore store;
    private final Clock clock;
    private final RegistryState state = new RegistryState();
    private final SiteRules siteRules = new SiteRules(state);
    private final RegistryQueries queries = new RegistryQueries(state);
    private final List<CameraWatcher> watchers = new CopyOnWriteArrayList<>();

    private Registry(RegistryStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Loads everything the store holds. Blocks on the store. */
    public static Registry open(RegistryStore store, Clock clock) {
        Registry registry = new Registry(store, clock);
        RegistryStore.Snapshot snapshot = store.load();
        snapshot.sites().forEach(registry.state::putSite);
        snapshot.cameras().forEach(registry.state::putCamera);
        return registry;
    }

    /** Tells {@code watcher} of every later camera change. */
    public void watchCameras(CameraWatcher watcher) {
        watchers.add(Objects.requireNonNull(watcher, "watcher"));
    }

    private void put(Camera camera) {
        state.putCamera(camera);
        watchers.forEach(w -> w.cameraPut(camera));
    }

    private void removed(String cameraId) {
        state.removeCamera(cameraId);
        watchers.forEach(w -> w.cameraRemoved(cameraId));
    }

    /** Lists, filters and counts. */
    public RegistryQueries queries() {
        return queries;
    }

    public Optional<Site> site(String id) {
        return Optional.ofNullable(state.site(id));
    }

    public Optional<Camera> camera(String id) {
        return Optional.ofNullable(state.camera(id));
    }

    /** Creates a site; its id must be new. */
    public synchronized Site createSite(SiteDraft draft) {
        Instant now = now();
        Site site = draft.validate(now, now).orThrow("site");
        if (state.site(site.id()) != null) {
            throw DomainException.conflict("site '" + site.id() + "' already exists");
        }
        siteRules.checkPlacement(site, null);
        store.apply(List.of(new RegistryChange.PutSite(site, true)));
        state.putSite(site);
        return site;
    }

    /** Replaces site {@code id}; moving a room moves its cameras with it, as they belong to the room. */
    public synchronized Site replaceSite(String id, SiteDraft draft) {
        Site previous = existingSite(id);
        Instant now = now();
        Site site = withPathId(id, draft.id(), () -> new SiteDraft(id, draft.name(), draft.tier(), draft.parentId(),
                draft.kind(), draft.address())).validate(previous.createdAt(), now).orThrow("site");
        siteRules.checkPlacement(site, previous);
        if (site.sameContentAs(previous)) {
            return previous;
        }
        store.apply(List.of(new RegistryChange.PutSite(site, false)));
        state.putSite(site);
        return site;
    }

    /**
     * Deletes site {@code id}. Without {@code cascade} a site that still has child sites or cameras is
     * refused; with it, the whole subtree and its cameras go in one transaction.
     *
     * @return how many sites and cameras were deleted
     */
    public synchronized DeleteCount deleteSite(String id, boolean cascade) {
        Site site = existingSite(id);
        if (!cascade) {
            siteRules.checkDeletable(site);
        }
        List<String> subtree = state.subtree(id);
        List<String> cameraIds = new ArrayList<>();
        subtree.forEach(siteId -> cameraIds.addAll(state.camerasOf(siteId)));
        List<String> sitesLeafFirst = new ArrayList<>(subtree);
        Collections.reverse(sitesLeafFirst);
        List<RegistryChange> changes = new ArrayList<>();
        cameraIds.forEach(cameraId -> changes.add(new RegistryChange.DeleteCamera(cameraId)));
        sitesLeafFirst.forEach(siteId -> changes.add(new RegistryChange.DeleteSite(siteId)));
        store.apply(changes);
        cameraIds.forEach(this::removed);
        sitesLeafFirst.forEach(state::removeSite);
        return new DeleteCount(sitesLeafFirst.size(), cameraIds.size());
    }

    /** Registers a camera; its id must be new and its site must exist. */
    public synchronized Camera createCamera(CameraDraft draft) {
        Camera camera = draft.validate(null, now()).orThrow("camera");
        if (state.camera(camera.id()) != null) {
            throw DomainException.conflict("camera '" + camera.id() + "' already exists");
        }
        requireSite(camera.siteId());
        store.apply(List.of(new RegistryChange.PutCamera(camera, true)));
        put(camera);
        return camera;
    }

    /** Replaces camera {@code id}; omitted passwords are kept (see {@link CameraDraft}). */
    public synchronized Camera replaceCamera(String id, CameraDraft draft) {
        Camera previous = state.camera(id);
        if (previous == null) {
            throw DomainException.notFound("no camera '" + id + "'");
        }
        CameraDraft withId = withPathId(id, draft.id(), () -> new CameraDraft(id, draft.siteId(), draft.name(),
                draft.location(), draft.heading(), draft.mounting(), draft.vendor(), draft.model(), draft.onvif(),
                draft.rtsp()));
        Camera camera = withId.validate(previous, now()).orThrow("camera");
        requireSite(camera.siteId());
        if (camera.sameContentAs(previous)) {
            return previous;
        }
        store.apply(List.of(new RegistryChange.PutCamera(camera, false)));
        put(camera);
        return camera;
    }

    /** Deletes camera {@code id}. */
    public synchronized void deleteCamera(String id) {
        if (state.camera(id) == null) {
            throw DomainException.notFound("no camera '" + id + "'");
        }
        store.apply(List.of(new RegistryChange.DeleteCamera(id)));
        removed(id);
    }

    /**
     * Puts a site exactly as the child node that owns it has it (timestamps included), inserting or
     * replacing it under the same placement rules. For records synced upward; idempotent.
     */
    public synchronized Site putSynced(Site site) {
        Site previous = state.site(site.id());
        if (site.equals(previous)) {
            return previous;
        }
        siteRules.checkPlacement(site, previous);
        store.apply(List.of(new RegistryChange.PutSite(site, previous == null)));
        state.putSite(site);
        return site;
    }

    /**
     * Puts a camera exactly as the child node that owns it has it; its site must exist. For records
     * synced upward; idempotent.
     */
    public synchronized Camera putSynced(Camera camera) {
        Camera previous = state.camera(camera.id());
        if (camera.equals(previous)) {
            return previous;
        }
        requireSite(camera.siteId());
        store.apply(List.of(new RegistryChange.PutCamera(camera, previous == null)));
        put(camera);
        return camera;
    }

    /** Deletes a synced camera; one already gone is no change (the delete may be applied twice). */
    public synchronized boolean deleteSyncedCamera(String id) {
        if (state.camera(id) == null) {
            return false;
        }
        store.apply(List.of(new RegistryChange.DeleteCamera(id)));
        removed(id);
        return true;
    }

    /** Deletes a synced site that has nothing left under it; one already gone is no change. */
    public synchronized boolean deleteSyncedSite(String id) {
        Site site = state.site(id);
        if (site == null) {
            return false;
        }
        siteRules.checkDeletable(site);
        store.apply(List.of(new RegistryChange.DeleteSite(id)));
        state.removeSite(id);
        return true;
    }

    /**
     * Another server sharing the store changed site {@code id}: memory takes what the store holds
     * now (no rule is checked: the store is the truth, and the other server checked them). Blocks
     * on the store.
     */
    public synchronized void reloadSite(String id) {
        Optional<Site> stored = store.site(id);
        if (stored.isPresent()) {
            if (!stored.get().equals(state.site(id))) {
                state.putSite(stored.get());
            }
        } else if (state.site(id) != null) {
            state.removeSite(id);
        }
    }

    /** As {@link #reloadSite}, for camera {@code id}; the camera watchers are told of what changed. */
    public synchronized void reloadCamera(String id) {
        Optional<Camera> stored = store.camera(id);
        if (stored.isPresent()) {
            if (!stored.get().equals(state.camera(id))) {
                put(stored.get());
            }
        } else if (state.camera(id) != null) {
            removed(id);
        }
    }

    /**
     * Changes by other servers may have gone unheard: memory takes the whole store's content,
     * sites before cameras, and sites and cameras gone from the store leave memory. Blocks on the
     * store for a full read.
     */
    public synchronized void reloadAll() {
        RegistryStore.Snapshot snapshot = store.load();
        Set<String> siteIds = new HashSet<>();
        for (Site site : snapshot.sites()) {
            siteIds.add(site.id());
            if (!site.equals(state.site(site.id()))) {
                state.putSite(site);
            }
        }
        Set<String> cameraIds = new HashSet<>();
        for (Camera camera : snapshot.cameras()) {
            cameraIds.add(camera.id());
            if (!camera.equals(state.camera(camera.id()))) {
                put(camera);
            }
        }
        for (Camera camera : List.copyOf(state.cameras().values())) {
            if (!cameraIds.contains(camera.id())) {
                removed(camera.id());
            }
        }
        for (String site : List.copyOf(state.sites().keySet())) {
            if (!siteIds.contains(site)) {
                state.removeSite(site);
            }
        }
    }

    /** Registers or updates many cameras at once; see {@link CameraImport}. */
    public synchronized CameraImport.Outcome importCameras(List<CameraImport.Row> rows, boolean atomic) {
        CameraImport.Plan plan = new CameraImport(state, now()).plan(rows);
        boolean write = !plan.changes().isEmpty() && (!atomic || plan.failed() == 0);
        if (write) {
            store.apply(plan.changes());
            for (RegistryChange change : plan.changes()) {
                put(((RegistryChange.PutCamera) change).camera());
            }
        }
        return plan.outcome(atomic, atomic && plan.failed() > 0);
    }

    /** Counts of cameras per tier of the site they belong to. */
    public Map<Tier, Long> camerasPerTier() {
        Map<Tier, Long> counts = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            counts.put(tier, 0L);
        }
        for (Camera camera : state.cameras().values()) {
            Site site = state.site(camera.siteId());
            if (site != null) {
                counts.merge(site.tier(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * The time of a change, to the millisecond: what every store keeps exactly, so a value read
     * back after a restart equals the one answered before it.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Site existingSite(String id) {
        Site site = state.site(id);
        if (site == null) {
            throw DomainException.notFound("no site '" + id + "'");
        }
        return site;
    }

    private void requireSite(String siteId) {
        if (state.site(siteId) == null) {
            throw DomainException.invalid("siteId", "no site '" + siteId + "' exists");
        }
    }

    private static <D> D withPathId(String pathId, String bodyId, Supplier<D> draftWithPathId) {
        if (bodyId != null && !bodyId.equals(pathId)) {
            throw DomainException.invalid("id", "must match the path ('" + pathId + "'), got '" + bodyId
                    + "'; an id cannot be changed");
        }
        return draftWithPathId.get();
    }

    /** What a delete removed. */
    public record DeleteCount(int sites, int cameras) {
    }
}
