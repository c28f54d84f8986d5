package org.wardnet.core.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.IsoTime;
import org.wardnet.core.registry.Validated;

/** A sighting added to a case, as a client sends it. Camera and clip existence are checked by the caller. */
public record HopDraft(String cameraId, String time, Long clipId, String note) {

    /** The checked hop: camera, time, optional clip and note. */
    public record Hop(String cameraId, Instant time, Long clipId, String note) {
    }

    public Validated<Hop> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (cameraId == null || cameraId.isBlank()) {
            errors.add(new FieldError("cameraId", "required"));
        }
        Instant at = IsoTime.required(errors, "time", time);
        if (clipId != null && clipId < 1) {
            errors.add(new FieldError("clipId", "a clip id, 1 or more"));
        }
        if (note != null && note.length() > 2000) {
            errors.add(new FieldError("note", "at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        return Validated.valid(new Hop(cameraId, at, clipId, note));
    }
}
