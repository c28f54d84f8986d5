package org.wardnet.app.federation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads a synced clip's record field by field. Clip rows are nearly all of what a node pushes
 * (tens of thousands a second at the parent), and binding them through the object mapper cost
 * the parent more than storing them. Reads exactly what {@link SyncRecords} writes: an object of
 * known fields, numbers as JSON integers, texts as strings, any of them null.
 *
 * <p>Limits: a field it does not know is refused (as the strict mapper of the API does), so a
 * newer node that adds one must be met by a parent that knows it.
 */
final class ClipWireReader {

    private final JsonFactory json;

    ClipWireReader(JsonFactory json) {
        this.json = json;
    }

    /**
     * @throws IllegalArgumentException when the text is not a clip's record
     */
    SyncRecords.ClipWire read(String text) {
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a clip is a JSON object");
            }
            SyncRecords.ClipWire clip = read(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("text after the clip");
            }
            return clip;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * The clip whose object the parser has just opened, read up to its end (where the parser is
     * left): the way a parent reads a push's clips without parsing them twice.
     *
     * @throws IllegalArgumentException when the object is not a clip's record
     * @throws IOException              when the text is not JSON
     */
    SyncRecords.ClipWire read(JsonParser parser) throws IOException {
        Long id = null;
        String cameraId = null;
        String start = null;
        String end = null;
        Long bytes = null;
        String codec = null;
        Integer width = null;
        Integer height = null;
        Integer keyFrames = null;
        String sha256 = null;
        String origin = null;
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            JsonToken value = parser.nextToken();
            switch (field) {
                case "id" -> id = whole(parser, value, field);
                case "cameraId" -> cameraId = text(parser, value, field);
                case "start" -> start = text(parser, value, field);
                case "end" -> end = text(parser, value, field);
                case "bytes" -> bytes = whole(parser, value, field);
                case "codec" -> codec = text(parser, value, field);
                case "width" -> width = small(parser, value, field);
                case "height" -> height = small(parser, value, field);
                case "keyFrames" -> keyFrames = small(parser, value, field);
                case "sha256" -> sha256 = text(parser, value, field);
                case "origin" -> origin = text(parser, value, field);
                default -> throw new IllegalArgumentException("a clip has no field '" + field + "'");
            }
        }
        if (id == null) {
            throw new IllegalArgumentException("a clip names its id");
        }
        return new SyncRecords.ClipWire(id, cameraId, start, end, bytes, codec, width, height, keyFrames, sha256,
                origin);
    }

    private static String text(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(field + " is a string");
        }
        return parser.getText();
    }

    private static Long whole(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException(field + " is a whole number");
        }
        return parser.getLongValue();
    }

    private static Integer small(JsonParser parser, JsonToken value, String field) throws IOException {
        Long number = whole(parser, value, field);
        if (number != null && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(field + " is out of range: " + number);
        }
        return number == null ? null : number.intValue();
    }
}
