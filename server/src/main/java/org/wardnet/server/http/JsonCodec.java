package org.wardnet.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON in and out, strict on input: unknown fields, wrong types and trailing garbage are refused
 * with a 400 {@link Problem} that names the field and what was expected. Thread-safe.
 */
public final class JsonCodec {

    private final ObjectMapper mapper;

    public JsonCodec() {
        JsonMapper.Builder builder = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
        ObjectMapper built = builder.build();
        // "name": 123 is a client bug, not a name: refuse numbers and booleans where text is expected.
        built.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.mapper = built;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Reads a whole body as one JSON value of {@code type}. */
    public <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new ApiException(Problem.badRequest("the request body is empty; expected a JSON object"));
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new ApiException(Problem.badRequest("the request body is null; expected a JSON object"));
            }
            return value;
        } catch (IOException e) {
            throw new ApiException(problemFor(e));
        }
    }

    /** Describes why {@code e} refused the input, as a 400 problem. */
    public static Problem problemFor(IOException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            String reason = "unknown field; known fields here: " + known;
            return Problem.of(HttpResponseStatus.BAD_REQUEST, "unknown-field", "Unknown field",
                    "unknown field '" + field + "' (known fields here: " + known + ")")
                    .withErrors(List.of(fieldError(field, reason)));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            String expected = describe(mismatch.getTargetType());
            if (field.isEmpty()) {
                return Problem.badRequest("expected " + expected + " as the request body");
            }
            return Problem.of(HttpResponseStatus.BAD_REQUEST, "wrong-type", "Wrong type",
                    "field '" + field + "': expected " + expected)
                    .withErrors(List.of(fieldError(field, "expected " + expected)));
        }
        if (e instanceof JsonProcessingException parse && parse.getLocation() != null) {
            return Problem.of(HttpResponseStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "malformed JSON at line " + parse.getLocation().getLineNr() + ", column "
                            + parse.getLocation().getColumnNr() + ": " + parse.getOriginalMessage());
        }
        return Problem.of(HttpResponseStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                "the body could not be read as JSON: " + e.getMessage());
    }

    /** Serialises {@code value}; our own values always serialise, so failure is a bug. */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    /** The problem as an {@code application/problem+json} body. */
    public byte[] write(Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status().code());
        body.put("detail", problem.detail());
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        body.putAll(problem.extensions());
        return write(body);
    }

    public static Map<String, Object> fieldError(String field, String reason) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("reason", reason);
        return error;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a JSON object";
    }
}
