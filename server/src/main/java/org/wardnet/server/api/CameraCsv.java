package org.wardnet.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.CameraCsvFormat;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.core.registry.CameraImport;

/**
 * The CSV columns of a camera import and their mapping to a {@link CameraDraft}.
 *
 * <p>The first record is the header; columns may come in any order; {@code id, siteId, name, lat,
 * lon} are required, and so is {@code onvifUrl} or {@code rtspUrl}. An empty cell is "not given"
 * (an empty password cell keeps the stored password). Field errors are reported by column name.
 */
final class CameraCsv {

    static final List<String> COLUMNS = CameraCsvFormat.COLUMNS;
    static final List<String> REQUIRED = CameraCsvFormat.REQUIRED;

    /** JSON field paths of validation errors, as CSV column names. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("location", "lat", "location.lat", "lat",
            "location.lon", "lon", "onvif.url", "onvifUrl", "onvif.username", "onvifUsername", "onvif.password",
            "onvifPassword", "rtsp.url", "rtspUrl", "rtsp.subUrl", "rtspSubUrl", "rtsp.username", "rtspUsername");

    private final Map<String, Integer> index;

    private CameraCsv(Map<String, Integer> index) {
        this.index = index;
    }

    /** A read header: the column mapping, and what is wrong with the header (empty when usable). */
    record Header(CameraCsv columns, List<String> problems) {
    }

    /** Reads the header record's column names. */
    static Header header(List<String> names) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (!COLUMNS.contains(name)) {
                problems.add("unknown column '" + name + "' (column " + (i + 1) + "); known columns: "
                        + String.join(",", COLUMNS));
            } else if (index.put(name, i) != null) {
                problems.add("column '" + name + "' appears twice");
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                problems.add("required column '" + required + "' is missing");
            }
        }
        if (!index.containsKey("onvifUrl") && !index.containsKey("rtspUrl")) {
            problems.add("a column 'onvifUrl' or 'rtspUrl' is required");
        }
        return new Header(new CameraCsv(index), List.copyOf(problems));
    }

    /** The import row for one data record; {@code number} counts data records from 1. */
    CameraImport.Row row(int number, CsvReader.Record record) {
        List<FieldError> errors = new ArrayList<>();
        if (record.error() != null) {
            errors.add(new FieldError("", record.error()));
        } else if (record.fields().size() != index.size()) {
            errors.add(new FieldError("", "expected " + index.size() + " columns as in the header, got "
                    + record.fields().size()));
        }
        List<String> f = record.fields();
        CameraDraft.Location location = new CameraDraft.Location(number(f, "lat", errors), number(f, "lon", errors));
        CameraDraft.Onvif onvif = cell(f, "onvifUrl") == null ? null
                : new CameraDraft.Onvif(cell(f, "onvifUrl"), cell(f, "onvifUsername"), cell(f, "onvifPassword"));
        CameraDraft.Rtsp rtsp = cell(f, "rtspUrl") == null ? null : new CameraDraft.Rtsp(cell(f, "rtspUrl"),
                cell(f, "rtspSubUrl"), cell(f, "rtspUsername"), cell(f, "rtspPassword"));
        CameraDraft draft = new CameraDraft(cell(f, "id"), cell(f, "siteId"), cell(f, "name"), location,
                number(f, "heading", errors), cell(f, "mounting"), cell(f, "vendor"), cell(f, "model"), onvif, rtsp);
        return new CameraImport.Row(number, draft, errors);
    }

    /** The column a validation error's field path belongs to. */
    static String columnOf(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }

    private String cell(List<String> fields, String column) {
        Integer i = index.get(column);
        if (i == null || i >= fields.size()) {
            return null;
        }
        String value = fields.get(i).strip();
        return value.isEmpty() ? null : value;
    }

    private Double number(List<String> fields, String column, List<FieldError> errors) {
        String text = cell(fields, column);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(column, "not a number: '" + text + "'"));
        return null;
    }
}
