package org.wardnet.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/** Checks real answers against the schemas of the served OpenAPI document. */
public final class OpenApiAssertions {

    private OpenApiAssertions() {
    }

    /** Every member of {@code value} is a documented property of the named schema, and every required one is present. */
    public static void assertFits(TestServer api, String schemaName, JsonNode value) throws Exception {
        JsonNode schema = TestServer.json(api.sendAnonymous(java.net.http.HttpRequest.newBuilder(  // a public document
                api.uri("/api/v1/openapi.json")))).get("components").get("schemas").get(schemaName);
        assertNotNull(schema, "no schema " + schemaName);
        assertFits(schema, value);
    }

    public static void assertFits(JsonNode schema, JsonNode value) {
        JsonNode properties = schema.get("properties");
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertTrue(properties.has(name), "undocumented member '" + name + "' in " + value);
        }
        if (schema.has("required")) {
            schema.get("required").forEach(required -> assertTrue(value.has(required.asText()),
                    "required member '" + required.asText() + "' missing from " + value));
        }
    }
}
