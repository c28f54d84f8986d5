package org.wardnet.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * The OpenAPI 3.0.3 document of the API, made from the routes' declarations: each route's
 * operation under its path and method, and the named schemas, the security scheme and the shared
 * answers from {@code openapi-components.json} (types, not routes). Made once, before the server
 * listens; served as it was made.
 */
public final class OpenApiDocument {

    private static final String DESCRIPTION = "Registry of a district's sites (CENTER > SUBSTATION > ROOM) and"
            + " cameras, bulk import for installers, camera health (per camera, per site subtree, live events), and"
            + " ops endpoints. Errors are application/problem+json (RFC 9457). Times are ISO-8601 UTC. Passwords are"
            + " write-only: responses only say whether one is set.";

    private final ObjectMapper mapper = new ObjectMapper();
    private volatile byte[] bytes;

    /** The document, once {@link #publish} has made it. */
    public byte[] bytes() {
        byte[] made = bytes;
        if (made == null) {
            throw new IllegalStateException("the OpenAPI document is served before it was made");
        }
        return made;
    }

    /** Makes the document of {@code endpoints}; the served one from now on. */
    public void publish(List<Endpoint> endpoints) {
        try {
            bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document(endpoints));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
    }

    ObjectNode document(List<Endpoint> endpoints) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Wardnet API").put("version", "1").put("description", DESCRIPTION);
        ObjectNode paths = doc.putObject("paths");
        for (Endpoint endpoint : endpoints) {
            ObjectNode item = paths.has(endpoint.template()) ? (ObjectNode) paths.get(endpoint.template())
                    : paths.putObject(endpoint.template());
            String method = endpoint.method().name().toLowerCase(Locale.ROOT);
            if (item.has(method)) {
                throw new IllegalStateException("route declared twice: " + endpoint.key());
            }
            item.set(method, endpoint.operation().toJson(endpoint.access()));
        }
        doc.set("components", components());
        doc.putArray("security").addObject().putArray("bearer");
        return doc;
    }

    private JsonNode components() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi-components.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi-components.json is missing from the server's resources");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi-components.json", e);
        }
    }
}
