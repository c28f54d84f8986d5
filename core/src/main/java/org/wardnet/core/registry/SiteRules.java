package org.wardnet.core.registry;

import org.wardnet.core.errors.DomainException;

/**
 * The rules that relate a site to the rest of the tree: one CENTER, each site under a parent of
 * the tier above, no cycles, no tier change under existing children. Field-level checks are
 * {@link SiteDraft}'s; this class only reads the {@link RegistryState}.
 */
final class SiteRules {

    private final RegistryState state;

    SiteRules(RegistryState state) {
        this.state = state;
    }

    /** Checks that {@code site} may stand where it says; {@code previous} is what it replaces, or null. */
    void checkPlacement(Site site, Site previous) {
        if (site.tier() == Tier.CENTER) {
            Site center = state.center();
            if (center != null && !center.id().equals(site.id())) {
                throw DomainException.conflict("the district already has a CENTER ('" + center.id()
                        + "'); there is exactly one");
            }
        } else {
            checkParent(site, previous);
        }
        if (previous != null && previous.tier() != site.tier() && !state.childrenOf(site.id()).isEmpty()) {
            throw DomainException.conflict("site '" + site.id() + "' cannot change from " + previous.tier()
                    + " to " + site.tier() + " while " + state.childrenOf(site.id()).size()
                    + " site(s) hang under it; move them first");
        }
    }

    private void checkParent(Site site, Site previous) {
        Site parent = state.site(site.parentId());
        if (parent == null) {
            throw DomainException.invalid("parentId", "no site '" + site.parentId() + "' exists");
        }
        if (previous != null && state.isWithin(parent.id(), site.id())) {
            throw DomainException.conflict("placing '" + site.id() + "' under '" + parent.id()
                    + "' would make a cycle: '" + parent.id() + "' is inside '" + site.id() + "'");
        }
        Tier wanted = site.tier().parentTier().orElseThrow();
        if (parent.tier() != wanted) {
            throw DomainException.invalid("parentId", "'" + parent.id() + "' is a " + parent.tier()
                    + "; a " + site.tier() + " hangs under a " + wanted);
        }
    }

    /** Checks that {@code site} may be deleted without {@code cascade}. */
    void checkDeletable(Site site) {
        int children = state.childrenOf(site.id()).size();
        int cameras = state.camerasOf(site.id()).size();
        if (children > 0 || cameras > 0) {
            throw DomainException.conflict("site '" + site.id() + "' still has " + children + " child site(s) and "
                    + cameras + " camera(s); move or delete them first, or delete with ?cascade=true");
        }
    }
}
