package org.wardnet.app.registry;

import java.util.function.Predicate;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.Site;

/**
 * The registry as one caller sees it: a camera or site outside the caller's scope is answered
 * exactly as one that does not exist, so ids do not leak. Every use case checks scope through this.
 *
 * <p>Limit: "in scope" walks up the site tree on each call (three tiers), which keeps it current
 * as sites move; nothing is cached.
 */
public final class ScopedRegistry {

    private final Registry registry;

    public ScopedRegistry(Registry registry) {
        this.registry = registry;
    }

    public Registry registry() {
        return registry;
    }

    /** @throws DomainException NOT_FOUND when there is no such camera in the caller's scope */
    public Camera camera(Caller caller, String id) {
        return registry.camera(id).filter(c -> caller.sees(c.siteId()))
                .orElseThrow(() -> DomainException.notFound("no camera '" + id + "'"));
    }

    /** @throws DomainException NOT_FOUND when there is no such site in the caller's scope */
    public Site site(Caller caller, String id) {
        return registry.site(id).filter(s -> caller.sees(s.id()))
                .orElseThrow(() -> DomainException.notFound("no site '" + id + "'"));
    }

    /** Whether camera {@code id} is registered and in the caller's scope. */
    public boolean sees(Caller caller, String cameraId) {
        return registry.camera(cameraId).filter(c -> caller.sees(c.siteId())).isPresent();
    }

    /** The cameras the caller may name: registered and in its scope. */
    public Predicate<String> camerasOf(Caller caller) {
        return id -> sees(caller, id);
    }

    /**
     * Whether a stored record of camera {@code id} (a clip, sighting, plan, link) may be shown:
     * always to the district, which also sees records of cameras since removed; otherwise when the
     * camera is registered in the caller's scope.
     */
    public boolean seesRecordOf(Caller caller, String cameraId) {
        return caller.districtWide() || sees(caller, cameraId);
    }
}
