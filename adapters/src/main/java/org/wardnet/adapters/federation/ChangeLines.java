package org.wardnet.adapters.federation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wardnet.core.federation.Change;
import org.wardnet.core.federation.WireTime;

/**
 * The body of a push, both ways: one change per line (NDJSON), in sequence order, each
 * {@code {"seq":7,"kind":"CLIP","op":"PUT","key":"41","at":"2026-11-01T08:00:00Z","record":{...}}}.
 * The record is the journal's JSON object as it is, written and read without escaping it into a
 * string (which cost the parent a second pass over every byte); a delete has none. A line may
 * instead carry its record as a JSON string in {@code payload}, as nodes before this format did.
 *
 * <p>The reader keeps each record's text as it came (the parent decodes it by its kind), and
 * checks only the line's own fields: a record that is not JSON is refused when it is decoded.
 * A {@link RecordReader} may read the records of some kinds where they stand, so that the
 * parent does not parse them a second time from their text (clip rows are nearly all of a push).
 * Limits: a line with a field it does not know is refused, naming the line; a record is read in
 * place only when its line names kind and op before it (as {@link #write} does).
 */
public final class ChangeLines {

    private static final JsonFactory JSON = new JsonFactory();

    private ChangeLines() {
    }

    /** A push body that cannot be read: which line, and why. */
    public static final class Unreadable extends RuntimeException {
        private final int line;

        Unreadable(int line, String reason) {
            super(reason);
            this.line = line;
        }

        /** The line, counted from 1. */
        public int line() {
            return line;
        }
    }

    /** Reads the records of some kinds of change straight from the push's parser. */
    public interface RecordReader {

        /** Reads nothing: every record is kept as text only. */
        RecordReader NONE = new RecordReader() {
            @Override
            public boolean reads(Change.Kind kind, Change.Op op) {
                return false;
            }

            @Override
            public Object read(JsonParser parser) {
                throw new UnsupportedOperationException("reads nothing");
            }
        };

        /** Whether this reader reads the records of such changes. */
        boolean reads(Change.Kind kind, Change.Op op);

        /**
         * The record whose object the parser has just opened, read up to its end.
         *
         * @throws RuntimeException when it is not such a record (the line is refused with its message)
         */
        Object read(JsonParser parser) throws IOException;
    }

    /** A push read: its changes and, at the same index, the record read in place (null where none was). */
    public record Read(List<Change> changes, List<Object> records) {
    }

    /** The changes as the lines of one push. */
    public static String write(List<Change> changes) {
        StringBuilder body = new StringBuilder(changes.size() * 320);
        JsonStringEncoder quote = JsonStringEncoder.getInstance();
        for (Change change : changes) {
            body.append("{\"seq\":").append(change.seq()).append(",\"kind\":\"").append(change.kind().name())
                    .append("\",\"op\":\"").append(change.op().name()).append("\",\"key\":\"")
                    .append(quote.quoteAsString(change.key())).append("\",\"at\":\"").append(change.at())
                    .append('"');
            String payload = change.payload();
            if (payload != null) {
                if (isObject(payload)) {
                    body.append(",\"record\":").append(payload);
                } else { // not what the journal writes; sent as text, and the parent judges it
                    body.append(",\"payload\":\"").append(quote.quoteAsString(payload)).append('"');
                }
            }
            body.append("}\n");
        }
        return body.toString();
    }

    /** Whether text is one JSON object, as far as its ends and the absence of a line break tell. */
    private static boolean isObject(String payload) {
        int last = payload.length() - 1;
        return last > 0 && payload.charAt(0) == '{' && payload.charAt(last) == '}' && payload.indexOf('\n') < 0
                && payload.indexOf('\r') < 0;
    }

    /**
     * The changes of a push body; blank lines are skipped. One parser reads the whole body (a
     * parser per line cost the parent more than the line's fields).
     *
     * @throws Unreadable naming the first line that is not a change
     */
    public static List<Change> read(String body) {
        return read(body, RecordReader.NONE).changes();
    }

    /**
     * The changes of a push body, with the records {@code reader} reads in place.
     *
     * @throws Unreadable naming the first line that is not a change, or whose record the reader refused
     */
    public static Read read(String body, RecordReader reader) {
        List<Change> changes = new ArrayList<>();
        List<Object> records = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            int lastLine = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                if (line == lastLine) {
                    throw new Unreadable(line, "one change per line");
                }
                if (token != JsonToken.START_OBJECT) {
                    throw new Unreadable(line, "a change is a JSON object");
                }
                Object[] record = new Object[1];
                changes.add(change(parser, body, line, reader, record));
                records.add(record[0]);
                lastLine = parser.currentLocation().getLineNr();
            }
        } catch (IOException e) {
            int line = e instanceof JsonProcessingException json && json.getLocation() != null
                    ? json.getLocation().getLineNr() : 0;
            throw new Unreadable(Math.max(line, 1), "not JSON: " + (e instanceof JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage()));
        }
        return new Read(changes, records);
    }

    /**
     * The change whose object the parser has just opened, read up to its end; {@code read[0]} is
     * given its record when the reader read it.
     */
    private static Change change(JsonParser parser, String body, int line, RecordReader reader, Object[] read)
            throws IOException {
        Long seq = null;
        String kind = null;
        String op = null;
        String key = null;
        String at = null;
        String record = null;
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            JsonToken value = parser.nextToken();
            switch (field) {
                case "seq" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw new Unreadable(line, "seq is a whole number");
                    }
                    seq = parser.getLongValue();
                }
                case "kind" -> kind = text(parser, value, field, line);
                case "op" -> op = text(parser, value, field, line);
                case "key" -> key = text(parser, value, field, line);
                case "at" -> at = text(parser, value, field, line);
                case "payload" -> record = text(parser, value, field, line);
                case "record" -> {
                    if (value == JsonToken.START_OBJECT) {
                        int start = (int) parser.currentTokenLocation().getCharOffset();
                        if (readsInPlace(reader, kind, op)) {
                            read[0] = readInPlace(reader, parser, line);
                        } else {
                            parser.skipChildren();
                        }
                        record = body.substring(start, (int) parser.currentLocation().getCharOffset());
                    } else if (value != JsonToken.VALUE_NULL) {
                        throw new Unreadable(line, "record is a JSON object");
                    }
                }
                default -> throw new Unreadable(line, "a change has no field '" + field + "'");
            }
        }
        return change(seq, kind, op, key, record, at, line);
    }

    private static boolean readsInPlace(RecordReader reader, String kind, String op) {
        if (kind == null || op == null) {
            return false;
        }
        try {
            return reader.reads(Change.Kind.valueOf(kind), Change.Op.valueOf(op));
        } catch (IllegalArgumentException e) {
            return false; // not a kind or op at all: refused below, once the line is read
        }
    }

    private static Object readInPlace(RecordReader reader, JsonParser parser, int line) throws IOException {
        Object record;
        try {
            record = reader.read(parser);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Unreadable(line, "record: " + e.getMessage());
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IllegalStateException("a record reader left the record unfinished at line " + line);
        }
        return record;
    }

    private static Change change(Long seq, String kind, String op, String key, String record, String at,
            int lineNumber) {
        if (kind == null || op == null || at == null) {
            throw new Unreadable(lineNumber, "a change names its kind, op and at");
        }
        Instant when;
        try {
            when = WireTime.parse(at);
        } catch (RuntimeException e) {
            throw new Unreadable(lineNumber, "at is not an instant: " + at);
        }
        try {
            return new Change(seq == null ? 0 : seq, Change.Kind.valueOf(kind), Change.Op.valueOf(op), key, record,
                    when);
        } catch (RuntimeException e) {
            throw new Unreadable(lineNumber, "not a change: " + e.getMessage());
        }
    }

    private static String text(JsonParser parser, JsonToken value, String field, int lineNumber) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new Unreadable(lineNumber, field + " is a string");
        }
        return parser.getText();
    }
}
