package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardnet.core.clips.Clip;
import org.wardnet.core.clips.ClipIndex;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.JsonCodec;
import org.wardnet.server.http.Problem;

/** The JSON shape of clips, and the clip list's opaque cursor ({@code startMillis-id}). */
final class ClipViews {

    private ClipViews() {
    }

    static Map<String, Object> clip(Clip clip) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", clip.id());
        view.put("cameraId", clip.cameraId());
        view.put("start", clip.start().toString());
        view.put("end", clip.end().toString());
        view.put("durationSeconds", clip.durationMillis() / 1000.0);
        view.put("origin", clip.origin().name());
        view.put("mediaUrl", clip.remote() ? clip.media() : "/api/v1/clips/" + clip.id() + "/media");
        view.put("bytes", clip.bytes());
        view.put("codec", clip.codec());
        view.put("width", clip.width());
        view.put("height", clip.height());
        view.put("keyFrames", clip.keyFrames());
        view.put("sha256", clip.sha256());
        return view;
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
}
