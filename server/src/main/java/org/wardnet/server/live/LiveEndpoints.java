package org.wardnet.server.live;

import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static org.wardnet.core.access.Permission.LIVE;
import static org.wardnet.server.routes.Access.PUBLIC;
import static org.wardnet.server.routes.Access.scoped;
import static org.wardnet.server.routes.Endpoint.NOT_AUDITED;
import static org.wardnet.server.routes.Operation.doc;
import static org.wardnet.server.routes.Operation.json;
import static org.wardnet.server.routes.Schemas.ID;
import static org.wardnet.server.routes.Schemas.TEXT;
import static org.wardnet.server.routes.Schemas.ref;

import java.util.List;
import org.wardnet.server.routes.Endpoint;

/** The live view's routes, each declared once with its access rule, audit decision and OpenAPI operation. */
public final class LiveEndpoints {

    private LiveEndpoints() {
    }

    public static List<Endpoint> of(LiveResource live) {
        return List.of(
                Endpoint.of(POST, "/api/v1/cameras/{id}/live", live::ticket, scoped(LIVE), "live.ticket",
                        doc("live", "A ticket URL for the camera's live RTSP stream (rtsp://HOST:live.rtspPort/"
                                + "live/{id}?ticket=...), for players that take no password; valid for "
                                + "live.ticketSeconds to start sessions. RTSP clients may instead send an API token"
                                + " as the password of Basic authentication (any user name)")
                                .path("id", ID)
                                .returns(200, "OK", json(ref("LiveTicket")))
                                .problem(404, "No such camera in the caller's live scope, no RTSP stream, or the live"
                                        + " view is off")),
                Endpoint.of(GET, "/api/v1/cameras/{id}/live", live::socket, PUBLIC, NOT_AUDITED,
                        doc("live", "The camera live in a browser: a WebSocket (Upgrade: websocket) carrying first a"
                                + " text message {mime, width, height}, then fragmented MP4 for Media Source Extensions"
                                + " (an initialisation segment, then one media segment per picture from a key frame)."
                                + " Admitted by ?ticket= (POST this path) or a bearer token; live on the camera's site"
                                + " is needed, and each session's start and end is audited (live.start, live.end)")
                                .path("id", ID)
                                .query("ticket", TEXT)
                                .query("stream", TEXT, "main (default) or sub")
                                .returns(101, "Switching to the WebSocket")
                                .problem(401, "No valid ticket or token")
                                .problem(404, "No such camera in the viewer's live scope")
                                .problem(415, "The stream is not H.264 (ask for the sub stream)")
                                .problem(426, "Not a WebSocket request")
                                .problem(502, "The camera's stream cannot be pulled")
                                .problem(503, "A live limit is reached")),
                Endpoint.of(GET, "/api/v1/live", live::list, scoped(LIVE), NOT_AUDITED,
                        doc("live", "The relay: camera streams pulled (one connection each, shared by every viewer"
                                + " and the recorder), sessions open, and pictures dropped for slow viewers; "
                                + "a scoped caller sees its own cameras'")
                                .returns(200, "OK", json(ref("LiveStatus")))
                                .problem(404, "The live view is off (live.enabled=false)")));
    }
}
