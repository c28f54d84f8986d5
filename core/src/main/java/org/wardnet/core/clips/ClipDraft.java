package org.wardnet.core.clips;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.IsoTime;
import org.wardnet.core.registry.Validated;

/**
 * Clip metadata as a client sends it (an edge recorder's ingest, a directory import): times as
 * ISO-8601 text, everything optional but camera, start, end and the media URL. {@link #validate}
 * names every problem at once.
 */
public record ClipDraft(String cameraId, String start, String end, String mediaUrl, Long bytes, String codec,
        Integer width, Integer height, Integer keyFrames, String sha256) {

    /** The longest clip accepted: a day. Longer recordings are indexed as several clips. */
    public static final Duration MAX_CLIP = Duration.ofHours(24);

    /**
     * @param cameraExists whether a camera id is registered
     * @param origin       what the clip will be recorded as
     */
    public Validated<Clip> validate(Predicate<String> cameraExists, ClipOrigin origin) {
        List<FieldError> errors = new ArrayList<>();
        if (cameraId == null || cameraId.isBlank()) {
            errors.add(new FieldError("cameraId", "required"));
        } else if (!cameraExists.test(cameraId)) {
            errors.add(new FieldError("cameraId", "no camera '" + cameraId + "' is registered"));
        }
        Instant from = IsoTime.required(errors, "start", start);
        Instant to = IsoTime.required(errors, "end", end);
        if (from != null && to != null) {
            if (!to.isAfter(from)) {
                errors.add(new FieldError("end", "must be after start (" + start + ")"));
            } else if (Duration.between(from, to).compareTo(MAX_CLIP) > 0) {
                errors.add(new FieldError("end", "a clip lasts at most 24 h; index longer footage as several clips"));
            }
        }
        String media = media(errors, origin);
        if (bytes != null && bytes < 0) {
            errors.add(new FieldError("bytes", "must not be negative"));
        }
        if (codec != null && !codec.matches("[A-Za-z0-9.+-]{1,16}")) {
            errors.add(new FieldError("codec", "1 to 16 letters, digits, '.', '+' or '-'"));
        }
        positive(errors, "width", width);
        positive(errors, "height", height);
        if (keyFrames != null && keyFrames < 0) {
            errors.add(new FieldError("keyFrames", "must not be negative"));
        }
        if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
            errors.add(new FieldError("sha256", "64 hexadecimal digits"));
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        return Validated.valid(new Clip(0, cameraId, from, to, media, bytes,
                codec == null ? null : codec.toUpperCase(Locale.ROOT), width, height, keyFrames,
                sha256 == null ? null : sha256.toLowerCase(Locale.ROOT), origin));
    }

    private String media(List<FieldError> errors, ClipOrigin origin) {
        if (mediaUrl == null || mediaUrl.isBlank()) {
            errors.add(new FieldError("mediaUrl", "required"));
            return null;
        }
        if (mediaUrl.length() > 2048) {
            errors.add(new FieldError("mediaUrl", "at most 2048 characters"));
            return null;
        }
        if (origin == ClipOrigin.INGESTED) {
            try {
                URI uri = new URI(mediaUrl);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    errors.add(new FieldError("mediaUrl", "an http(s) URL on the recorder that holds the video"));
                }
            } catch (Exception e) {
                errors.add(new FieldError("mediaUrl", "not a URL: " + e.getMessage()));
            }
        }
        return mediaUrl;
    }

    private static void positive(List<FieldError> errors, String field, Integer value) {
        if (value != null && (value <= 0 || value > 16_384)) {
            errors.add(new FieldError(field, "1 to 16384 pixels"));
        }
    }
}
