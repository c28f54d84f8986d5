package org.wardnet.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route's OpenAPI operation: summary, tag, parameters, request body and answers. Built once where
 * the route is declared ({@code doc(...).path(...).returns(...)}), then read only. The 401 and 403
 * answers and a public route's empty security follow from its {@link Access}, so they are not
 * written by hand.
 */
public final class Operation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    /** One media type of a body or an answer, with its schema. */
    public record Content(String mediaType, JsonNode schema) {
    }

    private final String tag;
    private final String summary;
    private String description;
    private final List<ObjectNode> parameters = new ArrayList<>();
    private final Set<String> pathParameters = new LinkedHashSet<>();
    private ObjectNode requestBody;
    private final Map<String, ObjectNode> responses = new LinkedHashMap<>();

    private Operation(String tag, String summary) {
        this.tag = tag;
        this.summary = summary;
    }

    /** An operation under {@code tag}, summed up in one line. */
    public static Operation doc(String tag, String summary) {
        return new Operation(tag, summary);
    }

    public static Content json(JsonNode schema) {
        return new Content("application/json", schema);
    }

    public static Content content(String mediaType, JsonNode schema) {
        return new Content(mediaType, schema);
    }

    public Operation description(String text) {
        this.description = text;
        return this;
    }

    /** A path parameter; every {@code {name}} of the template must be declared. */
    public Operation path(String name, JsonNode schema) {
        pathParameters.add(name);
        return parameter(name, "path", true, schema, null);
    }

    public Operation query(String name, JsonNode schema) {
        return parameter(name, "query", false, schema, null);
    }

    public Operation query(String name, JsonNode schema, String text) {
        return parameter(name, "query", false, schema, text);
    }

    public Operation requiredQuery(String name, JsonNode schema) {
        return parameter(name, "query", true, schema, null);
    }

    public Operation requiredQuery(String name, JsonNode schema, String text) {
        return parameter(name, "query", true, schema, text);
    }

    public Operation header(String name, JsonNode schema) {
        return parameter(name, "header", false, schema, null);
    }

    public Operation header(String name, JsonNode schema, String text) {
        return parameter(name, "header", false, schema, text);
    }

    /** A required body in any of {@code contents}. */
    public Operation body(Content... contents) {
        requestBody = body(true, contents);
        return this;
    }

    /** A body that may be left out. */
    public Operation optionalBody(Content... contents) {
        requestBody = body(false, contents);
        return this;
    }

    /** An answer with a body in any of {@code contents}, or with none. */
    public Operation returns(int status, String text, Content... contents) {
        ObjectNode response = NODES.objectNode().put("description", text);
        if (contents.length > 0) {
            response.set("content", contents(contents));
        }
        responses.put(Integer.toString(status), response);
        return this;
    }

    /** An error answered as application/problem+json. */
    public Operation problem(int status, String text) {
        return returns(status, text, content("application/problem+json", Schemas.ref("Problem")));
    }

    /** @throws IllegalStateException when the template and the declared path parameters differ */
    void requirePathParameters(String template) {
        Set<String> inTemplate = new LinkedHashSet<>();
        Matcher m = PATH_PARAMETER.matcher(template);
        while (m.find()) {
            inTemplate.add(m.group(1));
        }
        if (!inTemplate.equals(pathParameters)) {
            throw new IllegalStateException("the operation of " + template + " declares path parameters "
                    + pathParameters + ", the template has " + inTemplate);
        }
    }

    /** The OpenAPI operation object; {@code access} adds the 401/403 answers and a public route's security. */
    ObjectNode toJson(Access access) {
        ObjectNode op = NODES.objectNode();
        op.put("summary", summary);
        op.putArray("tags").add(tag);
        if (description != null) {
            op.put("description", description);
        }
        if (!parameters.isEmpty()) {
            ArrayNode list = op.putArray("parameters");
            parameters.forEach(p -> list.add(p.deepCopy()));
        }
        if (requestBody != null) {
            op.set("requestBody", requestBody.deepCopy());
        }
        ObjectNode answers = op.putObject("responses");
        responses.forEach((status, response) -> answers.set(status, response.deepCopy()));
        if (access.kind() == Access.Kind.PUBLIC) {
            op.putArray("security");
        } else {
            answers.putObject("401").put("$ref", "#/components/responses/Unauthenticated");
            if (!answers.has("429")) {
                answers.putObject("429").put("$ref", "#/components/responses/TooManyRefusals");
            }
            if (access.kind() != Access.Kind.AUTHENTICATED) {
                answers.putObject("403").put("$ref", "#/components/responses/Forbidden");
            }
        }
        return op;
    }

    private Operation parameter(String name, String in, boolean required, JsonNode schema, String text) {
        ObjectNode parameter = NODES.objectNode().put("name", name).put("in", in);
        if (required) {
            parameter.put("required", true);
        }
        parameter.set("schema", schema.deepCopy());
        if (text != null) {
            parameter.put("description", text);
        }
        parameters.add(parameter);
        return this;
    }

    private static ObjectNode body(boolean required, Content... contents) {
        ObjectNode body = NODES.objectNode().put("required", required);
        body.set("content", contents(contents));
        return body;
    }

    private static ObjectNode contents(Content... contents) {
        ObjectNode byType = NODES.objectNode();
        for (Content c : contents) {
            byType.putObject(c.mediaType()).set("schema", c.schema().deepCopy());
        }
        return byType;
    }
}
