package org.wardnet.server.api;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static io.netty.handler.codec.http.HttpMethod.PUT;
import static org.wardnet.core.access.Permission.CAMERAS_WRITE;
import static org.wardnet.core.access.Permission.REGISTRY_READ;
import static org.wardnet.core.access.Permission.SITES_WRITE;
import static org.wardnet.server.routes.Access.scoped;
import static org.wardnet.server.routes.Endpoint.NOT_AUDITED;
import static org.wardnet.server.routes.Operation.content;
import static org.wardnet.server.routes.Operation.doc;
import static org.wardnet.server.routes.Operation.json;
import static org.wardnet.server.routes.Schemas.BOOLEAN;
import static org.wardnet.server.routes.Schemas.FLAG;
import static org.wardnet.server.routes.Schemas.ID;
import static org.wardnet.server.routes.Schemas.PAGE_LIMIT;
import static org.wardnet.server.routes.Schemas.TEXT;
import static org.wardnet.server.routes.Schemas.ref;
import static org.wardnet.server.routes.Schemas.schema;

import java.util.List;
import org.wardnet.server.routes.Endpoint;

/**
 * The routes of the registry: sites and cameras, one by one and in bulk, each declared once with
 * its handler, access rule, audit decision, body limit and OpenAPI operation.
 */
final class RegistryEndpoints {

    private static final String INVALID = "Malformed or invalid input; `errors` names each field";
    private static final String CLASH = "Conflicts with the registry (duplicate id, second CENTER, cycle, site still"
            + " in use), or the record is held by a child tier node (owned-by-node, naming the node)";
    private static final String OWNED = "Held by a child tier node (owned-by-node, naming the node): change it there";
    private static final String TOO_LARGE = "Body over its limit";
    private static final String WRONG_TYPE = "Wrong Content-Type or charset";
    private static final String BUSY = "Store unavailable or write queue full; see Retry-After";

    private RegistryEndpoints() {
    }

    static List<Endpoint> of(SiteResource sites, CameraResource cameras, CameraImportResource imports) {
        return List.of(
                Endpoint.of(GET, "/api/v1/sites", sites::list, scoped(REGISTRY_READ), NOT_AUDITED,
                        doc("sites", "List sites in id order")
                                .query("limit", PAGE_LIMIT, "Items per page (api.maxPageSize caps it).")
                                .query("cursor", TEXT, "nextCursor of the previous page.")
                                .query("site", TEXT, "Only this site and its subtree.")
                                .query("q", schema("{\"type\":\"string\",\"maxLength\":200}"), "Case-insensitive "
                                        + "substring of id or name.")
                                .query("tier", ref("Tier"))
                                .returns(200, "OK", json(ref("SitePage")))
                                .problem(400, INVALID)),
                Endpoint.of(POST, "/api/v1/sites", sites::create, scoped(SITES_WRITE), "site.create",
                        doc("sites", "Create a site")
                                .body(json(ref("SiteInput")))
                                .returns(201, "Created; Location names it", json(ref("Site")))
                                .problem(400, INVALID)
                                .problem(409, CLASH)
                                .problem(413, TOO_LARGE).problem(415, WRONG_TYPE).problem(503, BUSY)),
                Endpoint.of(GET, "/api/v1/sites/{id}", sites::get, scoped(REGISTRY_READ), NOT_AUDITED,
                        doc("sites", "One site with its direct counts")
                                .path("id", ID)
                                .returns(200, "OK", json(ref("Site")))
                                .problem(400, INVALID)
                                .problem(404, "No such resource")),
                Endpoint.of(PUT, "/api/v1/sites/{id}", sites::replace, scoped(SITES_WRITE), "site.replace",
                        doc("sites", "Replace a site (moving a room moves its cameras with it)")
                                .path("id", ID)
                                .body(json(ref("SiteInput")))
                                .returns(200, "OK", json(ref("Site")))
                                .problem(400, INVALID)
                                .problem(404, "No such resource")
                                .problem(409, CLASH)
                                .problem(413, TOO_LARGE).problem(415, WRONG_TYPE).problem(503, BUSY)),
                Endpoint.of(DELETE, "/api/v1/sites/{id}", sites::delete, scoped(SITES_WRITE), "site.delete",
                        doc("sites", "Delete a site; refused while it has children or cameras unless cascade=true")
                                .path("id", ID)
                                .query("cascade", FLAG)
                                .returns(200, "OK", json(ref("Deleted")))
                                .problem(400, INVALID)
                                .problem(404, "No such resource")
                                .problem(409, CLASH)
                                .problem(503, BUSY)),
                Endpoint.of(GET, "/api/v1/cameras", cameras::list, scoped(REGISTRY_READ), NOT_AUDITED,
                        doc("cameras", "List cameras in id order")
                                .query("limit", PAGE_LIMIT, "Items per page (api.maxPageSize caps it).")
                                .query("cursor", TEXT, "nextCursor of the previous page.")
                                .query("site", TEXT, "Only this site and its subtree.")
                                .query("q", schema("{\"type\":\"string\",\"maxLength\":200}"), "Case-insensitive "
                                        + "substring of id or name.")
                                .returns(200, "OK", json(ref("CameraPage")))
                                .problem(400, INVALID)),
                Endpoint.of(GET, "/api/v1/map/cameras", cameras::layer, scoped(REGISTRY_READ), NOT_AUDITED,
                        doc("cameras", "Every camera the caller sees, for a map: one column per field (ids, "
                                + "names, siteIds, lat, lon, heading), one row per camera, in id order; not paged")
                                .returns(200, "OK", json(ref("CameraLayer")))),
                Endpoint.of(POST, "/api/v1/cameras", cameras::create, scoped(CAMERAS_WRITE), "camera.create",
                        doc("cameras", "Register a camera")
                                .body(json(ref("CameraInput")))
                                .returns(201, "Created; Location names it", json(ref("Camera")))
                                .problem(400, INVALID)
                                .problem(409, CLASH)
                                .problem(413, TOO_LARGE).problem(415, WRONG_TYPE).problem(503, BUSY)),
                Endpoint.of(POST, CameraImportResource.PATH, imports::importCameras,
                        scoped(CAMERAS_WRITE), "camera.import",
                        doc("cameras", "Bulk registration from CSV or NDJSON; one result per row; idempotent")
                                .description("CSV: a header row, then one camera per row. Columns (any order): id, "
                                        + "siteId, name, lat, lon (required); heading, mounting, vendor, model, "
                                        + "onvifUrl, onvifUsername, onvifPassword, rtspUrl, rtspSubUrl, "
                                        + "rtspUsername, rtspPassword (onvifUrl or rtspUrl required). An empty "
                                        + "cell is 'not given'; an empty password keeps the stored one. NDJSON: "
                                        + "one CameraInput object per line. UTF-8 only. Rows are registered in one "
                                        + "transaction; with atomic=true nothing is registered when any row fails "
                                        + "(422).")
                                .query("atomic", FLAG)
                                .query("verify", BOOLEAN, "verify the imported ONVIF cameras in the background; "
                                        + "the response then has verification and verificationUrl")
                                .body(content("text/csv", TEXT), content("application/x-ndjson", TEXT))
                                .returns(200, "OK", json(ref("ImportResult")))
                                .problem(400, INVALID)
                                .problem(413, TOO_LARGE).problem(415, WRONG_TYPE).problem(503, BUSY)
                                .problem(422, "Atomic import with failed rows: nothing registered; the "
                                        + "ImportResult members are included")).withBody(Endpoint.Body.BULK),
                Endpoint.of(GET, "/api/v1/cameras/{id}", cameras::get, scoped(REGISTRY_READ), NOT_AUDITED,
                        doc("cameras", "One camera")
                                .path("id", ID)
                                .returns(200, "OK", json(ref("Camera")))
                                .problem(400, INVALID)
                                .problem(404, "No such resource")),
                Endpoint.of(PUT, "/api/v1/cameras/{id}", cameras::replace, scoped(CAMERAS_WRITE), "camera.replace",
                        doc("cameras", "Replace a camera; an omitted password keeps the stored one, \"\" clears it")
                                .path("id", ID)
                                .body(json(ref("CameraInput")))
                                .returns(200, "OK", json(ref("Camera")))
                                .problem(400, INVALID)
                                .problem(404, "No such resource")
                                .problem(409, OWNED)
                                .problem(413, TOO_LARGE).problem(415, WRONG_TYPE).problem(503, BUSY)),
                Endpoint.of(DELETE, "/api/v1/cameras/{id}", cameras::delete, scoped(CAMERAS_WRITE), "camera.delete",
                        doc("cameras", "Delete a camera")
                                .path("id", ID)
                                .returns(204, "Deleted")
                                .problem(400, INVALID)
                                .problem(404, "No such resource")
                                .problem(409, OWNED)
                                .problem(503, BUSY)));
    }
}
