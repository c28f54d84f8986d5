package org.wardnet.adapters.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardnet.core.federation.Change;

class ChangeLinesTest {

    private static final Instant AT = Instant.parse("2026-11-01T08:00:00.125Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void changesComeBackAsTheyWereWrittenRecordsUntouched() throws Exception {
        List<Change> sent = List.of(
                new Change(1, Change.Kind.CAMERA, Change.Op.PUT, "cam \"1\"",
                        "{\"id\":\"cam \\\"1\\\"\",\"name\":\"Gate — 北门\",\"nested\":{\"a\":[1,{\"b\":null}]}}", AT),
                new Change(2, Change.Kind.CLIP, Change.Op.DELETE, "41", null, AT),
                new Change(3, Change.Kind.SNAPSHOT, Change.Op.PUT, "begin", "{}", AT),
                new Change(4, Change.Kind.HEALTH, Change.Op.PUT, "x", "not an object", AT));
        String body = ChangeLines.write(sent);

        assertEquals(4, body.lines().count(), "one line each");
        for (String line : body.lines().toList()) {
            JSON.readTree(line); // every line is JSON of its own
        }
        JsonNode first = JSON.readTree(body.lines().findFirst().orElseThrow());
        assertTrue(first.get("record").isObject(), "a record travels as an object, not as a string: " + first);
        assertEquals("not an object", JSON.readTree(body.lines().toList().get(3)).get("payload").asText());
        assertEquals(sent, ChangeLines.read(body));
    }

    @Test
    void linesOfOlderNodesWithTheRecordAsAStringAreRead() throws Exception {
        String line = JSON.writeValueAsString(java.util.Map.of("seq", 9, "kind", "SITE", "op", "PUT", "key", "S1",
                "payload", "{\"id\":\"S1\"}", "at", AT.toString()));
        assertEquals(List.of(new Change(9, Change.Kind.SITE, Change.Op.PUT, "S1", "{\"id\":\"S1\"}", AT)),
                ChangeLines.read("\n" + line + "\n\n"));
    }

    /** Reads a clip put's record as the names of its fields, refusing one without an id. */
    private static final ChangeLines.RecordReader CLIP_FIELDS = new ChangeLines.RecordReader() {
        @Override
        public boolean reads(Change.Kind kind, Change.Op op) {
            return kind == Change.Kind.CLIP && op == Change.Op.PUT;
        }

        @Override
        public Object read(JsonParser parser) throws IOException {
            List<String> fields = new ArrayList<>();
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                fields.add(field);
                parser.nextToken();
                parser.skipChildren();
            }
            if (!fields.contains("id")) {
                throw new IllegalArgumentException("a clip names its id");
            }
            return fields;
        }
    };

    @Test
    void aReaderReadsTheRecordsOfItsKindWhereTheyStandAndTheTextIsKeptToo() {
        String clip = "{\"id\":41,\"cameraId\":\"c1\",\"extra\":{\"nested\":[1,2]}}";
        List<Change> sent = List.of(
                new Change(1, Change.Kind.CLIP, Change.Op.PUT, "41", clip, AT),
                new Change(2, Change.Kind.CAMERA, Change.Op.PUT, "c1", "{\"id\":\"c1\"}", AT),
                new Change(3, Change.Kind.CLIP, Change.Op.DELETE, "40", null, AT));

        ChangeLines.Read read = ChangeLines.read(ChangeLines.write(sent), CLIP_FIELDS);

        assertEquals(sent, read.changes(), "every change, its record's text included");
        assertEquals(Arrays.asList(List.of("id", "cameraId", "extra"), null, null), read.records(),
                "only the clip's put read in place");
    }

    @Test
    void aRecordTheReaderRefusesNamesItsLine() {
        String body = ChangeLines.write(List.of(
                new Change(1, Change.Kind.CLIP, Change.Op.PUT, "41", "{\"id\":41}", AT),
                new Change(2, Change.Kind.CLIP, Change.Op.PUT, "42", "{\"cameraId\":\"c1\"}", AT)));

        ChangeLines.Unreadable refused = assertThrows(ChangeLines.Unreadable.class,
                () -> ChangeLines.read(body, CLIP_FIELDS));

        assertEquals(2, refused.line());
        assertTrue(refused.getMessage().contains("names its id"), refused.getMessage());
    }

    @Test
    void aLineThatIsNotAChangeIsNamed() {
        String good = ChangeLines.write(List.of(new Change(1, Change.Kind.CLIP, Change.Op.DELETE, "4", null, AT)));
        assertEquals(2, unreadable(good + "{\"seq\":2,\"kind\":\"CLIP\"").line(), "cut short");
        assertEquals(1, unreadable("[1,2]").line());
        assertEquals(2, unreadable(good + "{\"seq\":\"2\",\"kind\":\"CLIP\",\"op\":\"DELETE\",\"key\":\"4\","
                + "\"at\":\"2026-11-01T08:00:00Z\"}").line(), "seq as a string");
        assertTrue(unreadable("{\"seq\":2,\"kind\":\"CLIP\",\"op\":\"DELETE\",\"key\":\"4\",\"at\":\"2026-11-01T08:00:00Z\","
                + "\"colour\":1}").getMessage().contains("colour"));
        assertTrue(unreadable("{\"seq\":2,\"kind\":\"FILM\",\"op\":\"DELETE\",\"key\":\"4\",\"at\":\"2026-11-01T08:00:00Z\"}")
                .getMessage().contains("FILM"));
        assertTrue(unreadable("{\"seq\":2,\"kind\":\"CLIP\",\"op\":\"DELETE\",\"key\":\"4\",\"at\":\"yesterday\"}")
                .getMessage().contains("yesterday"));
        assertTrue(unreadable("{\"seq\":2,\"kind\":\"CLIP\",\"op\":\"PUT\",\"key\":\"4\",\"at\":\"2026-11-01T08:00:00Z\","
                + "\"record\":[1]}").getMessage().contains("record"));
        assertTrue(unreadable("{\"seq\":2,\"kind\":\"CLIP\",\"op\":\"DELETE\",\"key\":\"4\",\"at\":\"2026-11-01T08:00:00Z\"}"
                + " {\"seq\":3}").getMessage().contains("one change per line"));
        assertTrue(unreadable("{\"seq\":2,\"kind\":\"CLIP\",\"op\":\"PUT\",\"key\":\"4\",\"at\":\"2026-11-01T08:00:00Z\"}")
                .getMessage().contains("payload"), "a put without its record");
    }

    private static ChangeLines.Unreadable unreadable(String body) {
        return assertThrows(ChangeLines.Unreadable.class, () -> ChangeLines.read(body));
    }
}
