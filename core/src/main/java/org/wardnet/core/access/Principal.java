package org.wardnet.core.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An authenticated caller: the user, the grants it holds, and the token it came with.
 *
 * @param user                the user's name
 * @param grants              its roles and where they apply
 * @param tokenId             the public id of the token presented (never the secret)
 * @param mustChangePassword  true until a generated first password is replaced; only the
 *                            password change and logout are open until then
 */
public record Principal(String user, List<Grant> grants, String tokenId, boolean mustChangePassword) {

    public Principal {
        Objects.requireNonNull(user, "user");
        grants = List.copyOf(grants);
    }

    /** Whether any grant carries {@code permission}, wherever it applies. */
    public boolean holds(Permission permission) {
        return grants.stream().anyMatch(g -> g.role().allows(permission));
    }

    /** Where {@code permission} applies: the roots of every grant whose role carries it. */
    public AccessScope scope(Permission permission, SiteTree tree) {
        List<String> roots = new ArrayList<>(2);
        for (Grant grant : grants) {
            if (grant.role().allows(permission)) {
                if (grant.districtWide()) {
                    return AccessScope.DISTRICT;
                }
                roots.add(grant.siteId());
            }
        }
        return new AccessScope(roots, tree);
    }
}
