package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.List;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/** The JSON shape of clips, and the clip list's opaque cursor ({@code startMillis-id}). */
final class ClipViews {

    private ClipViews() {
    }

    /**
     * A clip as the API shows it; {@code mediaUrl} is this API's media path for local files and the
     * edge recorder's URL otherwise; {@code hold} is the reason it is kept, when asked for one clip.
     */
    record ClipJson(long id, String cameraId, String start, String end, double durationSeconds, String origin,
            String mediaUrl, Long bytes, String codec, Integer width, Integer height, Integer keyFrames, String sha256,
            String hold) {
    }

    /** A page of a camera's clips. */
    record ClipPageJson(List<ClipJson> items, int limit, String nextCursor) {
    }

    static ClipJson clip(Clip clip) {
        return clip(clip, null);
    }

    static ClipJson clip(Clip clip, String hold) {
        return new ClipJson(clip.id(), clip.cameraId(), clip.start().toString(), clip.end().toString(),
                clip.durationMillis() / 1000.0, clip.origin().name(),
                clip.remote() ? clip.media() : "/api/v1/clips/" + clip.id() + "/media", clip.bytes(), clip.codec(),
                clip.width(), clip.height(), clip.keyFrames(), clip.sha256(), hold);
    }

    static String cursorOf(Clip clip) {
        return clip.start().toEpochMilli() + "-" + clip.id();
    }

    static ClipIndex.Cursor cursor(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int dash = text.lastIndexOf('-');
        try {
            return new ClipIndex.Cursor(Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
        } catch (RuntimeException e) {
            throw new ApiException(Problem.badRequest("cursor: not a cursor this API gave out")
                    .withErrors(List.of(JsonCodec.fieldError("cursor", "pass the nextCursor of the previous page"))));
        }
    }

    static long id(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(Problem.of(HttpResponseStatus.NOT_FOUND, "not-found",
                "Not found", "no clip '" + text + "' (clip ids are positive integers)"));
    }

    /** A link that opens one clip's video until it expires. */
    record MediaLinkJson(String url, Instant expires) {
    }
}
