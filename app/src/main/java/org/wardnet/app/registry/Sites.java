package org.wardnet.app.registry;

import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.registry.ListQuery;
import org.wardnet.core.registry.Page;
import org.wardnet.core.registry.Registry;
import org.wardnet.core.registry.RegistryQueries;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.SiteDraft;
import org.wardnet.core.registry.Tier;

/**
 * The tier tree as a caller sees and changes it: its own subtrees listed, sites placed only under
 * parents in its scope (a top-level site needs the whole district), a site outside the scope
 * answered as a missing one. Reads answer from memory; writes go through the store (blocking).
 */
public final class Sites {

    private final ScopedRegistry scoped;
    private final RecordOwners owners;
    private final Registry registry;

    public Sites(ScopedRegistry scoped) {
        this(scoped, RecordOwners.NONE);
    }

    /** @param owners the child tier nodes whose sites are not changed here */
    public Sites(ScopedRegistry scoped, RecordOwners owners) {
        this.owners = owners;
        this.scoped = scoped;
        this.registry = scoped.registry();
    }

    /** A site with how many child sites and cameras hang directly under it. */
    public record Counted(Site site, int childSites, int cameras) {
    }

    public Page<Site> list(Caller caller, ListQuery query, Tier tier) {
        return caller.districtWide() ? registry.queries().sites(query, tier)
                : registry.queries().sites(query, tier, caller::sees);
    }

    public Counted get(Caller caller, String id) {
        return counted(scoped.site(caller, id));
    }

    public Counted create(Caller caller, SiteDraft draft) {
        requireParentInScope(caller, draft);
        owners.requireOwnedHere(draft.parentId(), "site '" + draft.parentId() + "'");
        return counted(registry.createSite(draft));
    }

    public Counted replace(Caller caller, String id, SiteDraft draft) {
        scoped.site(caller, id);
        requireParentInScope(caller, draft);
        owners.requireOwnedHere(id, "site '" + id + "'");
        owners.requireOwnedHere(draft.parentId(), "site '" + draft.parentId() + "'");
        return counted(registry.replaceSite(id, draft));
    }

    /** @param cascade whether a site with children or cameras goes with them */
    public Registry.DeleteCount delete(Caller caller, String id, boolean cascade) {
        scoped.site(caller, id);
        owners.requireOwnedHere(id, "site '" + id + "'");
        owners.ownerWithin(id).ifPresent(node -> {
            throw RecordOwners.refused("a site under '" + id + "'", node);
        });
        return registry.deleteSite(id, cascade);
    }

    private Counted counted(Site site) {
        RegistryQueries.DirectCounts counts = registry.queries().directCounts(site.id());
        return new Counted(site, counts.childSites(), counts.cameras());
    }

    /**
     * A site may only be placed under a parent in the caller's scope; a top-level site (no parent)
     * needs the whole district. A parent outside the scope answers as one that does not exist.
     */
    private static void requireParentInScope(Caller caller, SiteDraft draft) {
        if (draft == null || caller.districtWide()) {
            return;
        }
        if (draft.parentId() == null) {
            throw DomainException.forbidden("a site without a parent needs a grant on the whole district; yours apply"
                    + " to " + caller.scope());
        }
        if (!caller.sees(draft.parentId())) {
            throw DomainException.badRequest("parentId", "no site '" + draft.parentId() + "' exists");
        }
    }
}
