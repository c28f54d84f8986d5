package org.wardnet.server.routes;

import java.util.Objects;
import org.wardnet.core.access.Permission;

/**
 * What a route needs of its caller. Scoped routes hand the handler the caller's scope for the
 * permission; the use case filters lists by it and answers ids outside it as missing ones.
 * District routes need a grant on the whole district: their data (metrics, users, the audit trail,
 * the street network) is not divided by site.
 *
 * @param permission the permission checked; null for public and merely authenticated routes
 */
public record Access(Kind kind, Permission permission) {

    /** How the rule is checked. */
    public enum Kind {
        /** Anyone, without a token. */
        PUBLIC,
        /** Any valid token, whatever its roles. */
        AUTHENTICATED,
        /** The permission somewhere; the use case filters by the scope. */
        SCOPED,
        /** The permission on the whole district. */
        DISTRICT
    }

    public static final Access PUBLIC = new Access(Kind.PUBLIC, null);
    public static final Access AUTHENTICATED = new Access(Kind.AUTHENTICATED, null);

    public Access {
        Objects.requireNonNull(kind, "kind");
        boolean needsPermission = kind == Kind.SCOPED || kind == Kind.DISTRICT;
        if (needsPermission != (permission != null)) {
            throw new IllegalArgumentException(kind + " access " + (needsPermission ? "needs" : "takes no")
                    + " permission");
        }
    }

    public static Access scoped(Permission permission) {
        return new Access(Kind.SCOPED, permission);
    }

    public static Access district(Permission permission) {
        return new Access(Kind.DISTRICT, permission);
    }
}
