package org.wardnet.core.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.IsoTime;
import org.wardnet.core.registry.Validated;

/** A sighting as a client sends it; {@link #validate} names every problem at once. */
public record SightingDraft(String cameraId, String time, String kind, String value, Double confidence) {

    public Validated<Sighting> validate(Predicate<String> cameraExists) {
        List<FieldError> errors = new ArrayList<>();
        if (cameraId == null || cameraId.isBlank()) {
            errors.add(new FieldError("cameraId", "required"));
        } else if (!cameraExists.test(cameraId)) {
            errors.add(new FieldError("cameraId", "no camera '" + cameraId + "' is registered"));
        }
        Instant at = IsoTime.required(errors, "time", time);
        Sighting.Kind parsed = kind(errors, kind);
        if (value != null && (value.isEmpty() || value.length() > 256)) {
            errors.add(new FieldError("value", "1 to 256 characters"));
        }
        if (parsed != null && value == null && (parsed == Sighting.Kind.PLATE || parsed == Sighting.Kind.FACE
                || parsed == Sighting.Kind.ATTRIBUTE)) {
            errors.add(new FieldError("value", "required for a " + parsed.name().toLowerCase(Locale.ROOT) + " sighting"));
        }
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            errors.add(new FieldError("confidence", "0 to 1"));
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        return Validated.valid(new Sighting(0, cameraId, at, parsed, value, confidence));
    }

    /** The kind named by {@code text} (any case), or null with an error. */
    public static Sighting.Kind kind(List<FieldError> errors, String text) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("kind", "required: plate, face, attribute, motion or manual"));
            return null;
        }
        try {
            return Sighting.Kind.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "must be plate, face, attribute, motion or manual, got '" + text + "'"));
            return null;
        }
    }
}
