package org.wardnet.server.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records: comma-separated fields, records ending in LF or CRLF, fields
 * quoted with {@code "} when they hold commas, quotes ({@code ""}) or line breaks.
 *
 * <p>Tolerant per record: a malformed record (a quote inside an unquoted field, text after a
 * closing quote, an unterminated quote) becomes a record with an error, and reading resumes at the
 * next line, so one broken row does not hide the rest. Blank lines are skipped.
 */
final class CsvReader {

    /**
     * One record.
     *
     * @param line   the 1-based line on which it starts
     * @param fields its fields; partial when {@code error} is set
     * @param error  why it is malformed, or null
     */
    record Record(int line, List<String> fields, String error) {
    }

    private final String text;
    private int pos;
    private int line = 1;

    CsvReader(String text) {
        this.text = text;
    }

    /** All records, in order. */
    List<Record> readAll() {
        List<Record> records = new ArrayList<>();
        while (pos < text.length()) {
            if (atLineEnd()) {
                skipLineEnd();
                continue;
            }
            records.add(readRecord());
        }
        return records;
    }

    private Record readRecord() {
        int startLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            String error = readField(fields);
            if (error != null) {
                skipRestOfLine();
                return new Record(startLine, fields, error);
            }
            if (pos >= text.length()) {
                return new Record(startLine, fields, null);
            }
            if (text.charAt(pos) == ',') {
                pos++;
                if (pos >= text.length() || atLineEnd()) {
                    fields.add("");
                    skipLineEnd();
                    return new Record(startLine, fields, null);
                }
                continue;
            }
            skipLineEnd();
            return new Record(startLine, fields, null);
        }
    }

    /** Reads one field into {@code fields}; returns an error message or null. */
    private String readField(List<String> fields) {
        if (text.charAt(pos) != '"') {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != ',' && !atLineEnd()) {
                if (text.charAt(pos) == '"') {
                    return "column " + (fields.size() + 1) + ": a quote inside an unquoted field;"
                            + " quote the whole field and double the inner quote";
                }
                pos++;
            }
            fields.add(text.substring(start, pos));
            return null;
        }
        int openedLine = line;
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    value.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                if (pos < text.length() && text.charAt(pos) != ',' && !atLineEnd()) {
                    return "column " + (fields.size() + 1) + ": text after a closing quote";
                }
                fields.add(value.toString());
                return null;
            }
            if (c == '\n') {
                line++;
            }
            value.append(c);
            pos++;
        }
        return "column " + (fields.size() + 1) + ": the quote opened on line " + openedLine + " is never closed";
    }

    private boolean atLineEnd() {
        char c = text.charAt(pos);
        return c == '\n' || (c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n');
    }

    private void skipLineEnd() {
        if (pos < text.length() && text.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
            line++;
        }
    }

    private void skipRestOfLine() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
        skipLineEnd();
    }
}
