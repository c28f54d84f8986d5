package org.wardnet.server.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The small inline schemas routes declare their parameters and bodies with, and references to the
 * named ones of the document's components. Callers copy what they insert; these are never changed.
 */
public final class Schemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static final JsonNode TEXT = schema("{\"type\":\"string\"}");
    public static final JsonNode DATE_TIME = schema("{\"type\":\"string\",\"format\":\"date-time\"}");
    public static final JsonNode BINARY = schema("{\"type\":\"string\",\"format\":\"binary\"}");
    public static final JsonNode BOOLEAN = schema("{\"type\":\"boolean\"}");
    /** A boolean that is false unless given. */
    public static final JsonNode FLAG = schema("{\"type\":\"boolean\",\"default\":false}");
    public static final JsonNode INTEGER = schema("{\"type\":\"integer\"}");
    public static final JsonNode NUMBER = schema("{\"type\":\"number\"}");
    /** A site, camera or case id: {@code [A-Za-z0-9._-]{1,64}}. */
    public static final JsonNode ID = schema("{\"type\":\"string\",\"pattern\":\"^[A-Za-z0-9._-]{1,64}$\"}");
    /** A number the store assigned (clips, links). */
    public static final JsonNode ROW_ID = schema("{\"type\":\"integer\",\"minimum\":1}");
    /** Items per page. */
    public static final JsonNode PAGE_LIMIT = schema("{\"type\":\"integer\",\"minimum\":1,\"maximum\":1000,\"default\":100}");

    private Schemas() {
    }

    /** A named schema of the document's components. */
    public static JsonNode ref(String name) {
        return JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    /** An inline schema written as JSON. */
    public static JsonNode schema(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON schema: " + json, e);
        }
    }
}
