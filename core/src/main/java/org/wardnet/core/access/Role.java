package org.wardnet.core.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The roles a user can be granted on a site subtree, each a fixed set of permissions. The sets
 * follow who does what in a district: operators watch health and keep sites, installers put
 * cameras in, investigators work with footage and cases (and see which cameras are up, since a
 * camera down explains missing footage), viewers watch health; operators, investigators and
 * viewers watch cameras live (a guard room's screen), installers do not.
 */
public enum Role {
    ADMIN(EnumSet.complementOf(EnumSet.of(Permission.SYNC))),
    OPERATOR(EnumSet.of(Permission.HEALTH_READ, Permission.REGISTRY_READ, Permission.SITES_WRITE,
            Permission.RECORDING, Permission.LIVE)),
    INSTALLER(EnumSet.of(Permission.HEALTH_READ, Permission.REGISTRY_READ, Permission.CAMERAS_WRITE,
            Permission.INSTALL, Permission.TRACK_SETUP)),
    INVESTIGATOR(EnumSet.of(Permission.HEALTH_READ, Permission.REGISTRY_READ, Permission.FOOTAGE,
            Permission.INVESTIGATE, Permission.LIVE)),
    VIEWER(EnumSet.of(Permission.HEALTH_READ, Permission.LIVE)),
    /**
     * A child tier node: may push its own subtree's records upward and nothing else. Given only
     * with a node's registration (POST /api/v1/nodes), never to a person.
     */
    NODE(EnumSet.of(Permission.SYNC));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    /** The name used in the API and the store: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; throws IllegalArgumentException naming the roles that exist. */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.wireName().equals(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; roles are admin, operator, installer,"
                + " investigator, viewer (and node, for tier nodes)");
    }
}
