package org.wardnet.core.access;

import java.util.List;

/**
 * The sites a caller may reach with one permission: the subtrees under its roots. A site is
 * covered when it or one of its ancestors is a root; the check walks up the parent chain (three
 * tiers in a district), so it stays current as sites move and needs no cache.
 *
 * <p>Limit: a cycle in the site tree would stop the walk after 64 steps and answer "not covered".
 */
public final class AccessScope {

    private static final int MAX_DEPTH = 64;
    /** Everything, for callers with a district-wide grant. */
    public static final AccessScope DISTRICT = new AccessScope(List.of(Grant.DISTRICT), id -> null);

    private final List<String> roots;
    private final SiteTree tree;
    private final boolean district;
    private String text; // made on first use: only audited requests write their scope

    public AccessScope(List<String> roots, SiteTree tree) {
        this.roots = List.copyOf(roots);
        this.tree = tree;
        this.district = this.roots.contains(Grant.DISTRICT);
    }

    public boolean districtWide() {
        return district;
    }

    /** The granted roots: site ids, or "*" for the district. */
    public List<String> roots() {
        return roots;
    }

    public boolean isEmpty() {
        return roots.isEmpty();
    }

    /** Whether {@code siteId} lies in one of the granted subtrees; null (no site) only for the district. */
    public boolean covers(String siteId) {
        if (district) {
            return true;
        }
        String site = siteId;
        for (int depth = 0; site != null && depth < MAX_DEPTH; depth++) {
            if (roots.contains(site)) {
                return true;
            }
            site = tree.parentOf(site);
        }
        return false;
    }

    /** As written in the audit trail: the roots joined by commas, or "none". */
    @Override
    public String toString() {
        String made = text;
        if (made == null) {
            made = roots.isEmpty() ? "none" : roots.size() == 1 ? roots.get(0) : String.join(",", roots);
            text = made;
        }
        return made;
    }
}
