package org.wardnet.core.track;

import java.time.Instant;
import java.util.List;

/** Where sightings are kept: added in batches, read back by kind and value in time order. */
public interface SightingStore {

    /** Adds all in one transaction; returns their ids in order. */
    List<Long> add(List<Sighting> sightings);

    /**
     * Sightings of {@code kind} (and {@code value}, when not null) in [from, to), by time then id,
     * after the cursor (time in epoch ms and id of the previous page's last row; null for the first).
     */
    List<Sighting> find(Sighting.Kind kind, String value, Instant from, Instant to, long[] after, int limit);
}
