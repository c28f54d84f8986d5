package org.wardnet.core.registry;

import java.time.Instant;
import java.util.List;

/**
 * A site as a client sends it: every field may be missing or wrong. {@link #validate} turns it
 * into a {@link Site} or the list of what is wrong with it; the tree rules are checked later, by
 * {@link SiteRules}, against the registry's state.
 */
public record SiteDraft(String id, String name, String tier, String parentId, String kind, String address) {

    /** Checks each field; timestamps are filled from {@code createdAt} and {@code now}. */
    public Validated<Site> validate(Instant createdAt, Instant now) {
        FieldChecks checks = new FieldChecks();
        checks.id("id", id);
        String cleanName = checks.requiredText("name", name, 200);
        Tier parsedTier = checks.oneOf("tier", tier, Tier.class, true);
        String cleanAddress = checks.optionalText("address", address, 500);
        RoomKind parsedKind = null;
        if (parsedTier == Tier.ROOM) {
            parsedKind = checks.oneOf("kind", kind, RoomKind.class, true);
        } else if (parsedTier != null && kind != null) {
            checks.add("kind", "only rooms have a kind; a " + parsedTier + " must not set it");
        }
        if (parsedTier == Tier.CENTER && parentId != null) {
            checks.add("parentId", "the CENTER is the root and has no parent");
        } else if (parsedTier != null && parsedTier != Tier.CENTER) {
            if (parentId == null) {
                checks.add("parentId", "required: a " + parsedTier + " hangs under a " + parsedTier.parentTier().orElseThrow());
            } else {
                checks.id("parentId", parentId);
            }
        }
        if (!checks.ok()) {
            return Validated.invalid(checks.errors());
        }
        return Validated.valid(new Site(id, cleanName, parsedTier, parentId, parsedKind, cleanAddress, createdAt, now));
    }

    /** The fields a site accepts, for documentation and unknown-field messages. */
    public static final List<String> FIELDS = List.of("id", "name", "tier", "parentId", "kind", "address");
}
