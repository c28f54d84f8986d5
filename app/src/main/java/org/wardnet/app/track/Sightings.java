package org.wardnet.app.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.wardnet.app.registry.ScopedRegistry;
import org.wardnet.core.access.Caller;
import org.wardnet.core.errors.DomainException;
import org.wardnet.core.registry.Camera;
import org.wardnet.core.registry.GeoPoint;
import org.wardnet.core.registry.Validated;
import org.wardnet.core.track.Sighting;
import org.wardnet.core.track.SightingDraft;
import org.wardnet.core.track.SightingStore;

/**
 * Sightings from analytics or people, as a caller sees them: taken at cameras registered in its
 * scope only, and found by kind and value in time order at the cameras it may see (the district
 * also sees sightings at cameras since removed), each with its camera's location. Blocking.
 */
public final class Sightings {

    private final SightingStore store;
    private final ScopedRegistry registry;

    public Sightings(SightingStore store, ScopedRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** A sighting with where its camera stands; null when the camera has since been removed. */
    public record Located(Sighting sighting, GeoPoint location) {
    }

    /**
     * A page of sightings in time order.
     *
     * @param next the last of this page when another follows, else null
     */
    public record SightingPage(List<Located> items, Sighting next) {
    }

    /** How one row of a batch is checked for this caller: against the cameras it may name. */
    public Function<SightingDraft, Validated<Sighting>> rowCheck(Caller caller) {
        Predicate<String> cameras = registry.camerasOf(caller);
        return draft -> draft.validate(cameras);
    }

    /** @throws DomainException INVALID naming every field of a sighting that does not pass */
    public Sighting check(Caller caller, SightingDraft draft) {
        Validated<Sighting> checked = rowCheck(caller).apply(draft);
        if (!checked.isValid()) {
            throw DomainException.invalidInput("sighting", checked.errors());
        }
        return checked.value();
    }

    /** Stores checked sightings in one transaction; their ids in order. */
    public List<Long> store(List<Sighting> sightings) {
        return store.add(sightings);
    }

    /** Stores one checked sighting; it with its id and location. */
    public Located storeOne(Sighting sighting) {
        long id = store.add(List.of(sighting)).get(0);
        return located(sighting.withId(id));
    }

    /**
     * Up to {@code limit} sightings at cameras the caller may see, in time order: reads on past the
     * others, so a page is full whenever enough visible sightings exist.
     *
     * @param after the (time in ms, id) of the last sighting of the previous page, or null
     */
    public SightingPage find(Caller caller, Sighting.Kind kind, String value, Instant from, Instant to, long[] after,
            int limit) {
        int wanted = limit + 1;
        List<Sighting> out = new ArrayList<>(wanted);
        long[] cursor = after;
        while (out.size() < wanted) {
            List<Sighting> chunk = store.find(kind, value, from, to, cursor, wanted);
            for (Sighting s : chunk) {
                if (registry.seesRecordOf(caller, s.cameraId()) && out.size() < wanted) {
                    out.add(s);
                }
            }
            if (chunk.size() < wanted) {
                break;
            }
            Sighting last = chunk.get(chunk.size() - 1);
            cursor = new long[] {last.time().toEpochMilli(), last.id()};
        }
        boolean more = out.size() > limit;
        List<Sighting> page = more ? out.subList(0, limit) : out;
        return new SightingPage(page.stream().map(this::located).toList(), more ? page.get(page.size() - 1) : null);
    }

    private Located located(Sighting sighting) {
        return new Located(sighting, registry.registry().camera(sighting.cameraId()).map(Camera::location).orElse(null));
    }
}
