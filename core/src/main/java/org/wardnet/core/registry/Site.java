package org.wardnet.core.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A node of the tier tree. Construction checks each field on its own; the rules that relate a site
 * to others (parent tier, one CENTER, no cycles) are {@link SiteRules}'.
 *
 * @param id        unique among sites ({@link Ids})
 * @param name      display name, 1 to 200 characters
 * @param tier      CENTER, SUBSTATION or ROOM
 * @param parentId  null exactly for the CENTER
 * @param kind      what a ROOM watches over; null for other tiers
 * @param address   optional postal address or description, up to 500 characters
 * @param createdAt when it was first stored
 * @param updatedAt when it was last changed
 */
public record Site(String id, String name, Tier tier, String parentId, RoomKind kind, String address,
        Instant createdAt, Instant updatedAt) {

    public Site {
        Ids.require(id, "site id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if ((tier == Tier.CENTER) != (parentId == null)) {
            throw new IllegalArgumentException("only the CENTER has no parent: " + id);
        }
        if ((tier == Tier.ROOM) != (kind != null)) {
            throw new IllegalArgumentException("a kind is required for rooms and only for rooms: " + id);
        }
    }

    /** True when everything but the timestamps is equal. */
    public boolean sameContentAs(Site other) {
        return id.equals(other.id) && name.equals(other.name) && tier == other.tier
                && Objects.equals(parentId, other.parentId) && kind == other.kind
                && Objects.equals(address, other.address);
    }
}
