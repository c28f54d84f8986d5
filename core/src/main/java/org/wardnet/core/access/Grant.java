package org.wardnet.core.access;

import java.util.Objects;

/**
 * A role on a site and everything under it; {@link #DISTRICT} (the site id "*") is the whole
 * district, including sites created later at the top.
 */
public record Grant(Role role, String siteId) {

    public static final String DISTRICT = "*";

    public Grant {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(siteId, "siteId");
    }

    public boolean districtWide() {
        return DISTRICT.equals(siteId);
    }

    @Override
    public String toString() {
        return role.wireName() + "@" + siteId;
    }
}
