package org.wardnet.core.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Predicate;
import org.wardnet.core.errors.DomainException;

/**
 * Read-only lists and counts over the in-memory registry. Lock-free and non-blocking.
 *
 * <p>Lists are ordered by id and paged by "after this id", so a page boundary stays stable while
 * other writes happen. Filters scan in id order: cost grows with the registry, not the page.
 */
public final class RegistryQueries {

    private final RegistryState state;

    RegistryQueries(RegistryState state) {
        this.state = state;
    }

    /** Sites matching {@code query}, and of {@code tier} when it is not null. */
    public Page<Site> sites(ListQuery query, Tier tier) {
        return sites(query, tier, id -> true);
    }

    /** Sites matching {@code query} and {@code tier} whose id {@code visible} accepts (a caller's scope). */
    public Page<Site> sites(ListQuery query, Tier tier, Predicate<String> visible) {
        Set<String> scope = scope(query.siteId());
        return page(state.sites(), query, site -> (scope == null || scope.contains(site.id()))
                && (tier == null || site.tier() == tier) && query.matchesText(site.id(), site.name())
                && visible.test(site.id()));
    }

    /** Cameras matching {@code query}. */
    public Page<Camera> cameras(ListQuery query) {
        return cameras(query, id -> true);
    }

    /** Cameras matching {@code query} whose site {@code visible} accepts (a caller's scope). */
    public Page<Camera> cameras(ListQuery query, Predicate<String> visibleSite) {
        Set<String> scope = scope(query.siteId());
        return page(state.cameras(), query, camera -> (scope == null || scope.contains(camera.siteId()))
                && query.matchesText(camera.id(), camera.name()) && visibleSite.test(camera.siteId()));
    }

    /** Every camera, in id order (a view of the current state). */
    public Collection<Camera> allCameras() {
        return state.cameras().values();
    }

    /** Ids of the cameras of a site and every site under it, in id order. */
    public List<String> cameraIdsInSubtree(String siteId) {
        Set<String> scope = scope(siteId);
        List<String> ids = new ArrayList<>();
        state.cameras().values().forEach(c -> {
            if (scope.contains(c.siteId())) {
                ids.add(c.id());
            }
        });
        return ids;
    }

    public int siteCount() {
        return state.sites().size();
    }

    public int cameraCount() {
        return state.cameras().size();
    }

    public Map<Tier, Long> sitesPerTier() {
        Map<Tier, Long> counts = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            counts.put(tier, 0L);
        }
        state.sites().values().forEach(site -> counts.merge(site.tier(), 1L, Long::sum));
        return counts;
    }

    /** How many sites hang directly under {@code siteId} and how many cameras belong to it directly. */
    public DirectCounts directCounts(String siteId) {
        return new DirectCounts(state.childrenOf(siteId).size(), state.camerasOf(siteId).size());
    }

    /** Direct children of one site. */
    public record DirectCounts(int childSites, int cameras) {
    }

    private Set<String> scope(String siteId) {
        if (siteId == null) {
            return null;
        }
        if (state.site(siteId) == null) {
            throw DomainException.invalid("site", "no site '" + siteId + "' exists");
        }
        return state.subtreeSet(siteId);
    }

    private static <T> Page<T> page(NavigableMap<String, T> byId, ListQuery query, Predicate<T> keep) {
        NavigableMap<String, T> from = query.afterId() == null ? byId : byId.tailMap(query.afterId(), false);
        List<T> items = new ArrayList<>(Math.min(query.limit(), 1024));
        String lastId = null;
        for (Map.Entry<String, T> entry : from.entrySet()) {
            if (!keep.test(entry.getValue())) {
                continue;
            }
            if (items.size() == query.limit()) {
                return new Page<>(items, lastId);
            }
            items.add(entry.getValue());
            lastId = entry.getKey();
        }
        return new Page<>(items, null);
    }
}
