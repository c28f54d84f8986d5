package org.wardnet.server.api;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static io.netty.handler.codec.http.HttpMethod.PUT;
import static org.wardnet.core.access.Permission.INVESTIGATE;
import static org.wardnet.core.access.Permission.REGISTRY_READ;
import static org.wardnet.core.access.Permission.TRACK_SETUP;
import static org.wardnet.server.routes.Access.district;
import static org.wardnet.server.routes.Access.scoped;
import static org.wardnet.server.routes.Endpoint.NOT_AUDITED;
import static org.wardnet.server.routes.Operation.content;
import static org.wardnet.server.routes.Operation.doc;
import static org.wardnet.server.routes.Operation.json;
import static org.wardnet.server.routes.Schemas.BINARY;
import static org.wardnet.server.routes.Schemas.BOOLEAN;
import static org.wardnet.server.routes.Schemas.DATE_TIME;
import static org.wardnet.server.routes.Schemas.FLAG;
import static org.wardnet.server.routes.Schemas.INTEGER;
import static org.wardnet.server.routes.Schemas.TEXT;
import static org.wardnet.server.routes.Schemas.ref;

import java.util.List;
import org.wardnet.server.routes.Endpoint;

/**
 * The routes of track-following: follow, corridors, the street network, links, sightings and
 * cases, each declared once with its handler, access rule, audit decision, body limit and OpenAPI
 * operation.
 */
final class TrackEndpoints {

    private TrackEndpoints() {
    }

    static List<Endpoint> of(TrackResource follow, SightingResource sightings, CaseResource cases) {
        return List.of(
                Endpoint.of(POST, "/api/v1/track/follow", follow::follow, scoped(INVESTIGATE), "track.follow",
                        doc("track", "Next cameras after a sighting, ranked by score, each with its time window "
                                + "and the clips in it; the answer shows how the geometric prior and learned hops "
                                + "were blended")
                                .body(json(ref("FollowRequest")))
                                .returns(200, "Candidates", json(ref("FollowAnswer")))
                                .problem(400, "Invalid request (horizon over the maximum, unknown mode, ...)")
                                .problem(404, "No such camera")
                                .problem(422, "No footage in any proposed window (no-footage), or no street and no "
                                        + "learned route carries the mode (mode-not-covered)")),
                Endpoint.of(GET, TrackResource.STREETS_PATH, follow::streets, scoped(REGISTRY_READ), NOT_AUDITED,
                        doc("track", "What the track map holds: cameras, street segments, crossings; with "
                                + "geometry=true also each street segment's ends, for drawing")
                                .query("geometry", FLAG, "Include the segments")
                                .returns(200, "Counts", json(ref("TrackMap")))),
                Endpoint.of(PUT, TrackResource.STREETS_PATH, follow::putStreets, district(TRACK_SETUP), "track.streets",
                        doc("track", "Replace the street network the planner follows (GeoJSON or an edge-list "
                                + "CSV); cameras are placed on it at once")
                                .body(content("application/geo+json", ref("StreetsGeoJson")),
                                        json(ref("StreetsGeoJson")), content("text/csv", ref("StreetsCsv")))
                                .returns(200, "Stored", json(ref("TrackMap")))
                                .problem(400, "Unreadable feature or line")
                                .problem(413, "Too large")
                                .problem(415, "Not GeoJSON or CSV")).withBody(Endpoint.Body.BULK),
                Endpoint.of(GET, "/api/v1/track/links", follow::links, scoped(REGISTRY_READ), NOT_AUDITED,
                        doc("track", "Manual links (ADD a passage the map lacks, FORBID a wall or one-way street)")
                                .query("camera", ref("Id"))
                                .returns(200, "Links", json(ref("TrackLinks")))),
                Endpoint.of(POST, "/api/v1/track/links", follow::addLink, scoped(TRACK_SETUP), "track.link",
                        doc("track", "Add a manual link between two cameras (bothWays adds the reverse too)")
                                .body(json(ref("TrackLinkInput")))
                                .returns(201, "Created", json(ref("TrackLinks")))
                                .problem(400, "Invalid link")),
                Endpoint.of(DELETE, "/api/v1/track/links/{id}", follow::deleteLink, scoped(TRACK_SETUP), "track.unlink",
                        doc("track", "Remove a manual link")
                                .path("id", TEXT)
                                .returns(204, "Removed")
                                .problem(404, "No such link")),
                Endpoint.of(POST, "/api/v1/sightings", sightings::add, scoped(INVESTIGATE), "sightings.add",
                        doc("track", "Record a sighting, or an NDJSON batch of them (?atomic=true: all or nothing)")
                                .query("atomic", BOOLEAN)
                                .body(json(ref("SightingInput")), content("application/x-ndjson", TEXT))
                                .returns(201, "Created", json(ref("Sighting")))
                                .returns(200, "Batch result", json(ref("ClipBatchResult")))
                                .problem(400, "Invalid sighting")
                                .problem(413, "Too many rows")
                                .problem(415, "Unsupported media type")
                                .problem(422, "Atomic batch with an invalid row")).withBody(Endpoint.Body.BULK_BATCHES),
                Endpoint.of(GET, "/api/v1/sightings", sightings::find, scoped(INVESTIGATE), "sightings.query",
                        doc("track", "Sightings of a kind (and value) in a window, in time order with camera "
                                + "locations: a plate's trajectory")
                                .requiredQuery("kind", TEXT)
                                .query("value", TEXT)
                                .requiredQuery("from", DATE_TIME)
                                .requiredQuery("to", DATE_TIME)
                                .query("limit", INTEGER)
                                .query("cursor", TEXT)
                                .returns(200, "Sightings", json(ref("SightingPage")))
                                .problem(400, "Invalid query")),
                Endpoint.of(POST, "/api/v1/track/corridor", follow::corridor, scoped(INVESTIGATE), "track.corridor",
                        doc("track", "Cameras along a route through waypoints (by the streets when known), each "
                                + "with the departure window shifted by the travel time to it, and their clips")
                                .body(json(ref("CorridorRequest")))
                                .returns(200, "Cameras along the route", json(ref("CorridorAnswer")))
                                .problem(400, "Invalid request")),
                Endpoint.of(POST, "/api/v1/cases", cases::create, scoped(INVESTIGATE), "case.create",
                        doc("cases", "Open a case")
                                .body(json(ref("CaseInput")))
                                .returns(201, "Created", json(ref("Case")))
                                .problem(400, "Invalid case")),
                Endpoint.of(GET, "/api/v1/cases/{id}", cases::get, scoped(INVESTIGATE), "case.read",
                        doc("cases", "The case: its route in the order added, each leg's distance, time and speed, "
                                + "impossible legs flagged, and its history")
                                .path("id", TEXT)
                                .returns(200, "Case", json(ref("Case")))
                                .problem(404, "No such case")),
                Endpoint.of(POST, "/api/v1/cases/{id}/sightings", cases::addSighting, scoped(INVESTIGATE), "case.add",
                        doc("cases", "Add a sighting to the route")
                                .path("id", TEXT)
                                .body(json(ref("CaseSightingInput")))
                                .returns(201, "Added", json(ref("Case")))
                                .problem(400, "Invalid sighting")
                                .problem(404, "No such case")
                                .problem(409, "The case is confirmed")),
                Endpoint.of(POST, "/api/v1/cases/{id}/confirm", cases::confirm, scoped(INVESTIGATE), "case.confirm",
                        doc("cases", "Confirm the route; its possible legs teach the planner their travel times")
                                .path("id", TEXT)
                                .returns(200, "Confirmed", json(ref("Case")))
                                .problem(404, "No such case")
                                .problem(409, "Already confirmed, or fewer than two sightings")),
                Endpoint.of(GET, "/api/v1/cases/{id}/export", cases::export, scoped(INVESTIGATE), "case.export",
                        doc("cases", "The evidence bundle: a ZIP of the footage around each sighting, the route as "
                                + "GeoJSON, the case and its history, and manifest.json with every file's SHA-256")
                                .path("id", TEXT)
                                .returns(200, "ZIP", content("application/zip", BINARY))
                                .problem(404, "No such case")
                                .problem(507, "No disk space for the bundle (nothing kept; see Retry-After)")));
    }
}
