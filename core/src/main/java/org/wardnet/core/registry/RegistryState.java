package org.wardnet.core.registry;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The registry held in memory, with the indexes that the rules and queries need.
 *
 * <p>One writer at a time (the {@link Registry}'s lock) and any number of lock-free readers. A
 * reader may see a multi-step change half applied; steps are ordered so it never sees a camera
 * whose site is missing.
 */
final class RegistryState {

    private final ConcurrentSkipListMap<String, Site> sites = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, Camera> cameras = new ConcurrentSkipListMap<>();
    private final Map<String, Set<String>> childrenBySite = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> camerasBySite = new ConcurrentHashMap<>();

    Site site(String id) {
        return id == null ? null : sites.get(id);
    }

    Camera camera(String id) {
        return id == null ? null : cameras.get(id);
    }

    ConcurrentSkipListMap<String, Site> sites() {
        return sites;
    }

    ConcurrentSkipListMap<String, Camera> cameras() {
        return cameras;
    }

    Site center() {
        for (Site site : sites.values()) {
            if (site.tier() == Tier.CENTER) {
                return site;
            }
        }
        return null;
    }

    Set<String> childrenOf(String siteId) {
        return childrenBySite.getOrDefault(siteId, Set.of());
    }

    Set<String> camerasOf(String siteId) {
        return camerasBySite.getOrDefault(siteId, Set.of());
    }

    void putSite(Site site) {
        Site previous = sites.put(site.id(), site);
        if (previous != null && previous.parentId() != null && !previous.parentId().equals(site.parentId())) {
            childrenOf(previous.parentId()).remove(site.id());
        }
        if (site.parentId() != null) {
            childrenBySite.computeIfAbsent(site.parentId(), k -> ConcurrentHashMap.newKeySet()).add(site.id());
        }
    }

    void removeSite(String id) {
        Site removed = sites.remove(id);
        if (removed != null && removed.parentId() != null) {
            childrenOf(removed.parentId()).remove(id);
        }
        childrenBySite.remove(id);
        camerasBySite.remove(id);
    }

    void putCamera(Camera camera) {
        Camera previous = cameras.put(camera.id(), camera);
        if (previous != null && !previous.siteId().equals(camera.siteId())) {
            camerasOf(previous.siteId()).remove(camera.id());
        }
        camerasBySite.computeIfAbsent(camera.siteId(), k -> ConcurrentHashMap.newKeySet()).add(camera.id());
    }

    void removeCamera(String id) {
        Camera removed = cameras.remove(id);
        if (removed != null) {
            camerasOf(removed.siteId()).remove(id);
        }
    }

    /** The ids of {@code rootId} and every site below it, parents before children. */
    List<String> subtree(String rootId) {
        List<String> order = new ArrayList<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(rootId);
        while (!pending.isEmpty()) {
            String id = pending.poll();
            order.add(id);
            pending.addAll(childrenOf(id));
        }
        return order;
    }

    Set<String> subtreeSet(String rootId) {
        return Collections.unmodifiableSet(new HashSet<>(subtree(rootId)));
    }

    /** True when {@code candidateId} is {@code rootId} or lies below it. */
    boolean isWithin(String candidateId, String rootId) {
        Set<String> seen = new HashSet<>();
        for (String id = candidateId; id != null && seen.add(id); ) {
            if (id.equals(rootId)) {
                return true;
            }
            Site site = sites.get(id);
            id = site == null ? null : site.parentId();
        }
        return false;
    }
}
