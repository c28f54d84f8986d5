package org.wardnet.core.access;

import java.util.List;
import java.util.Objects;

/**
 * Who asks, and the sites their grant for the use case at hand reaches: what every use case takes
 * first, so scope filtering happens inside it, whatever the transport.
 *
 * @param principal the authenticated user, or null for an anonymous caller of a public use case
 * @param scope     the subtrees the caller may reach with this use case's permission
 */
public record Caller(Principal principal, AccessScope scope) {

    private static final Principal SYSTEM = new Principal("system",
            List.of(new Grant(Role.ADMIN, Grant.DISTRICT)), "none", false);

    public Caller {
        Objects.requireNonNull(scope, "scope");
    }

    /** Wardnet itself (the demo, jobs, measurement): a district-wide administrator. */
    public static Caller system() {
        return new Caller(SYSTEM, AccessScope.DISTRICT);
    }

    /** Whether the caller's scope is the whole district. */
    public boolean districtWide() {
        return scope.districtWide();
    }

    /** Whether {@code siteId} lies in the caller's scope. */
    public boolean sees(String siteId) {
        return scope.covers(siteId);
    }
}
