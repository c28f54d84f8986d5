package org.wardnet.server.api;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static io.netty.handler.codec.http.HttpMethod.PUT;
import static org.wardnet.core.access.Permission.FOOTAGE;
import static org.wardnet.core.access.Permission.RECORDING;
import static org.wardnet.server.routes.Access.scoped;
import static org.wardnet.server.routes.Endpoint.NOT_AUDITED;
import static org.wardnet.server.routes.Operation.content;
import static org.wardnet.server.routes.Operation.doc;
import static org.wardnet.server.routes.Operation.json;
import static org.wardnet.server.routes.Schemas.BINARY;
import static org.wardnet.server.routes.Schemas.BOOLEAN;
import static org.wardnet.server.routes.Schemas.DATE_TIME;
import static org.wardnet.server.routes.Schemas.ID;
import static org.wardnet.server.routes.Schemas.NUMBER;
import static org.wardnet.server.routes.Schemas.ROW_ID;
import static org.wardnet.server.routes.Schemas.TEXT;
import static org.wardnet.server.routes.Schemas.ref;
import static org.wardnet.server.routes.Schemas.schema;

import java.util.List;
import org.wardnet.server.routes.Access;
import org.wardnet.server.routes.Endpoint;

/**
 * The routes of footage: the clip index, media, timelines, coverage, exports, recording plans,
 * each declared once with its handler, access rule, audit decision, body limit and OpenAPI
 * operation.
 */
final class FootageEndpoints {

    private FootageEndpoints() {
    }

    static List<Endpoint> of(ClipResource clips, FootageResource coverage, ExportResource exports,
            RecordingResource plans) {
        return List.of(
                Endpoint.of(GET, "/api/v1/clips", clips::list, scoped(FOOTAGE), "clips.list",
                        doc("clips", "A camera's clips overlapping [from, to), by start time, paged")
                                .requiredQuery("camera", TEXT)
                                .requiredQuery("from", DATE_TIME, "ISO-8601 with an offset")
                                .requiredQuery("to", DATE_TIME, "ISO-8601 with an offset, after from; at most "
                                        + "clips.maxWindowHours later")
                                .query("limit", ROW_ID)
                                .query("cursor", TEXT)
                                .returns(200, "OK", json(ref("ClipPage")))
                                .problem(400, "Missing camera, bad or too wide a window, bad cursor or limit")
                                .problem(404, "No such camera")
                                .problem(503, "Store unavailable")),
                Endpoint.of(POST, "/api/v1/clips", clips::ingest, scoped(RECORDING), "clips.ingest",
                        doc("clips", "Index footage held elsewhere (an edge recorder): one JSON clip (201), or an "
                                + "NDJSON batch with one result per row; ?atomic=true indexes nothing if any row "
                                + "fails (422)")
                                .query("atomic", BOOLEAN)
                                .body(json(ref("ClipInput")), content("application/x-ndjson",
                                        schema("{\"type\":\"string\",\"description\":\"one ClipInput per line\"}")))
                                .returns(201, "Indexed", json(ref("Clip")))
                                .returns(200, "Batch indexed (failed rows listed)", json(ref("ClipBatchResult")))
                                .problem(400, "Invalid clip")
                                .problem(413, "Too many rows")
                                .problem(415, "Wrong Content-Type")
                                .problem(422, "Atomic batch with failed rows; nothing indexed")
                                .problem(503, "Store unavailable")).withBody(Endpoint.Body.BULK_BATCHES),
                Endpoint.of(GET, "/api/v1/clips/{id}", clips::get, scoped(FOOTAGE), "clips.get",
                        doc("clips", "One clip")
                                .path("id", ROW_ID)
                                .returns(200, "OK", json(ref("Clip")))
                                .problem(404, "No such clip")),
                Endpoint.of(GET, "/api/v1/cameras/{id}/timeline", coverage::timeline,
                        scoped(FOOTAGE), "footage.timeline",
                        doc("clips", "A camera's footage over a window: covered intervals (clips closer than "
                                + "clips.timelineToleranceMillis merged) and gaps, with a cause when the health "
                                + "history knows one")
                                .path("id", ID)
                                .requiredQuery("from", DATE_TIME, "ISO-8601 with an offset")
                                .requiredQuery("to", DATE_TIME, "ISO-8601 with an offset, after from; at most "
                                        + "clips.maxWindowHours later")
                                .returns(200, "OK", json(ref("Timeline")))
                                .problem(400, "Bad or too wide a window")
                                .problem(404, "No such camera")),
                Endpoint.of(GET, "/api/v1/coverage", coverage::coverage, scoped(FOOTAGE), "footage.coverage",
                        doc("clips", "Which cameras have footage in a window: a site's subtree, a circle, or a "
                                + "polygon (exactly one)")
                                .requiredQuery("from", DATE_TIME, "ISO-8601 with an offset")
                                .requiredQuery("to", DATE_TIME, "ISO-8601 with an offset, after from; at most "
                                        + "clips.maxWindowHours later")
                                .query("site", TEXT)
                                .query("lat", NUMBER)
                                .query("lon", NUMBER)
                                .query("radiusMeters", schema("{\"type\":\"number\",\"maximum\":100000}"))
                                .query("polygon", TEXT, "lat1,lon1,lat2,lon2,lat3,lon3,... (3 to 1000 vertices)")
                                .returns(200, "OK", json(ref("Coverage")))
                                .problem(400, "Bad window or scope")
                                .problem(404, "No such site")),
                Endpoint.of(GET, "/api/v1/clips/{id}/media", clips::media, scoped(FOOTAGE), "clips.media",
                        doc("clips", "The clip's video: a local file with HTTP ranges (one range; overlapping or "
                                + "adjacent ranges merged; disjoint ones get the whole file), sent from the file "
                                + "without passing through the heap; footage held on an edge recorder is a 307 to "
                                + "its URL")
                                .path("id", ROW_ID)
                                .header("Range", schema("{\"type\":\"string\",\"example\":\"bytes=0-1023\"}"))
                                .returns(200, "The whole file", content("video/mp4", BINARY))
                                .returns(206, "The range asked for, with Content-Range", content("video/mp4", BINARY))
                                .returns(307, "Held on an edge recorder: Location is its URL")
                                .problem(404, "No such clip")
                                .problem(410, "Indexed, but the file is no longer readable")
                                .problem(416, "Malformed range or one starting beyond the end; Content-Range: "
                                        + "bytes */size")),
                Endpoint.of(POST, "/api/v1/clips/{id}/media-link", clips::mediaLink, scoped(FOOTAGE), "clips.media",
                        doc("clips", "A link that opens the clip's video for api.mediaLinkSeconds without a token, "
                                + "for players that cannot send one (a browser's video element); the link is a "
                                + "credential for that clip until it expires")
                                .path("id", ROW_ID)
                                .returns(200, "The link", json(ref("MediaLink")))
                                .problem(404, "No such clip")),
                Endpoint.of(GET, ClipResource.MEDIA_LINK_PATH + "{ticket}", clips::linkedMedia, Access.PUBLIC,
                        NOT_AUDITED,
                        doc("clips", "The video a media link opens, as GET /api/v1/clips/{id}/media answers it "
                                + "(ranges, 307 for edge footage); its issue was audited")
                                .path("ticket", TEXT)
                                .header("Range", schema("{\"type\":\"string\",\"example\":\"bytes=0-1023\"}"))
                                .returns(200, "The whole file", content("video/mp4", BINARY))
                                .returns(206, "The range asked for", content("video/mp4", BINARY))
                                .returns(307, "Held on an edge recorder: Location is its URL")
                                .problem(404, "Malformed, forged or expired link")
                                .problem(416, "Malformed range")),
                Endpoint.of(POST, "/api/v1/clips/import", clips::importDirectory, scoped(RECORDING), "clips.import",
                        doc("clips", "Index a folder of recordings on the server's disk where they lie: the "
                                + "camera's files, or one subfolder per camera id; start from the file name or the "
                                + "container's creation_time, length and format from FFmpeg, SHA-256 taken; files "
                                + "already indexed are skipped")
                                .body(json(schema("{\"type\":\"object\",\"required\":[\"directory\"],"
                                                + "\"properties\":{\"directory\":{\"type\":\"string\"},"
                                                + "\"cameraId\":{\"type\":\"string\"}}}")))
                                .returns(200, "What was indexed and why the rest was not", json(ref("DirectoryImport")))
                                .problem(400, "Not a readable directory, or no such camera")
                                .problem(422, "The directory could not be read")
                                .problem(503, "An import is already queued")),
                Endpoint.of(GET, "/api/v1/cameras/{id}/export", exports::export, scoped(FOOTAGE), "footage.export",
                        doc("clips", "One MP4 cut from the camera's recorded segments covering [from, to) by "
                                + "remux, starting at the key frame at or before from; at most "
                                + "clips.maxExportMinutes")
                                .path("id", ID)
                                .requiredQuery("from", DATE_TIME)
                                .requiredQuery("to", DATE_TIME)
                                .returns(200, "The MP4, as an attachment", content("video/mp4", BINARY))
                                .problem(400, "Bad or too long a window")
                                .problem(404, "No such camera, or no footage in the window")
                                .problem(409, "The footage is held on edge recorders only")
                                .problem(422, "The segments could not be cut")
                                .problem(507, "No disk space for the cut (nothing kept; see Retry-After)")),
                Endpoint.of(PUT, "/api/v1/clips/{id}/hold", clips::hold, scoped(FOOTAGE), "clips.hold",
                        doc("clips", "Hold a clip: retention never deletes it until released")
                                .path("id", ROW_ID)
                                .body(json(schema("{\"type\":\"object\",\"required\":[\"reason\"],"
                                        + "\"properties\":{\"reason\":{\"type\":\"string\",\"maxLength\":500}}}")))
                                .returns(200, "Held", json(schema("{\"type\":\"object\","
                                                + "\"properties\":{\"clipId\":{\"type\":\"integer\"},"
                                                + "\"hold\":{\"type\":\"string\"}}}")))
                                .problem(400, "No reason")
                                .problem(404, "No such clip")),
                Endpoint.of(DELETE, "/api/v1/clips/{id}/hold", clips::release, scoped(FOOTAGE), "clips.release",
                        doc("clips", "Release a clip's hold")
                                .path("id", ROW_ID)
                                .returns(204, "Released")
                                .problem(404, "No such clip, or no hold")),
                Endpoint.of(GET, "/api/v1/recording/plans", plans::list, scoped(RECORDING), NOT_AUDITED,
                        doc("recording", "Every recording plan, and the time zone of scheduled windows")
                                .returns(200, "OK", json(ref("RecordingPlans")))),
                Endpoint.of(PUT, "/api/v1/recording/plans/{id}", plans::put, scoped(RECORDING), "recording.plan",
                        doc("recording", "Set the plan of a camera or a site's subtree (the nearest plan to a "
                                + "camera applies): CONTINUOUS, SCHEDULED with windows, or OFF")
                                .path("id", ID)
                                .body(json(ref("RecordingPlanInput")))
                                .returns(200, "OK", json(ref("RecordingPlan")))
                                .problem(400, "Invalid plan")
                                .problem(404, "No such camera or site")),
                Endpoint.of(DELETE, "/api/v1/recording/plans/{id}", plans::delete,
                        scoped(RECORDING), "recording.unplan",
                        doc("recording", "Remove a plan (the next one up the tree applies)")
                                .path("id", ID)
                                .returns(204, "Removed")
                                .problem(404, "No plan for this id")),
                Endpoint.of(GET, "/api/v1/recording/status", plans::status, scoped(RECORDING), NOT_AUDITED,
                        doc("recording", "What is recording now: per camera since when, segments indexed, packets "
                                + "and drops, reconnections, the last failure; planned cameras waiting for a slot; "
                                + "segments recovered at start")
                                .returns(200, "OK", json(ref("RecordingStatus")))));
    }
}
