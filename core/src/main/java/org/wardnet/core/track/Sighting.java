package org.wardnet.core.track;

import java.time.Instant;
import java.util.Objects;

/**
 * A detection at a camera, from analytics or a person.
 *
 * @param value      what was detected (a plate, a face id, an attribute); null for motion or manual
 * @param confidence 0 to 1, or null when not given
 */
public record Sighting(long id, String cameraId, Instant time, Kind kind, String value, Double confidence) {

    /** What kind of detection it is. */
    public enum Kind { PLATE, FACE, ATTRIBUTE, MOTION, MANUAL }

    public Sighting {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
    }

    public Sighting withId(long newId) {
        return new Sighting(newId, cameraId, time, kind, value, confidence);
    }
}
