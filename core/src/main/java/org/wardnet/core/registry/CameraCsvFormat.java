package org.wardnet.core.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV interchange format of cameras: its columns, and writing a {@link CameraDraft} as a row.
 * The import endpoint reads this format; the reference district generator writes it.
 *
 * <p>Fields holding a comma, quote or line break are quoted as RFC 4180 says; lines end in LF.
 */
public final class CameraCsvFormat {

    /** Every column, in the order written. */
    public static final List<String> COLUMNS = List.of("id", "siteId", "name", "lat", "lon", "heading", "mounting",
            "vendor", "model", "onvifUrl", "onvifUsername", "onvifPassword", "rtspUrl", "rtspSubUrl",
            "rtspUsername", "rtspPassword");

    /** Columns every file must have. */
    public static final List<String> REQUIRED = List.of("id", "siteId", "name", "lat", "lon");

    private CameraCsvFormat() {
    }

    /** The header line, with its line break. */
    public static String header() {
        return String.join(",", COLUMNS) + "\n";
    }

    /** One camera as a line, with its line break. */
    public static String row(CameraDraft c) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(c.id());
        cells.add(c.siteId());
        cells.add(c.name());
        cells.add(c.location() == null ? null : text(c.location().lat()));
        cells.add(c.location() == null ? null : text(c.location().lon()));
        cells.add(text(c.heading()));
        cells.add(c.mounting());
        cells.add(c.vendor());
        cells.add(c.model());
        cells.add(c.onvif() == null ? null : c.onvif().url());
        cells.add(c.onvif() == null ? null : c.onvif().username());
        cells.add(c.onvif() == null ? null : c.onvif().password());
        cells.add(c.rtsp() == null ? null : c.rtsp().url());
        cells.add(c.rtsp() == null ? null : c.rtsp().subUrl());
        cells.add(c.rtsp() == null ? null : c.rtsp().username());
        cells.add(c.rtsp() == null ? null : c.rtsp().password());
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(cells.get(i)));
        }
        return line.append('\n').toString();
    }

    private static String text(Double value) {
        return value == null ? null : value.toString();
    }

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
