package org.wardnet.adapters.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The captured real messages under {@code captures/} (test resources), listed by the rows of
 * {@code captures/SOURCES.md}, as seeds for {@link Mutations}.
 */
public final class Seeds {

    private Seeds() {
    }

    /** Every capture in {@code folder} (e.g. {@code onvif}) whose name ends with {@code suffix}. */
    public static List<byte[]> captures(String folder, String suffix) {
        List<byte[]> out = new ArrayList<>();
        for (String name : names(folder)) {
            if (name.endsWith(suffix)) {
                out.add(resource("/captures/" + folder + "/" + name));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no capture in " + folder + " ends with " + suffix);
        }
        return out;
    }

    /** The text of every capture in {@code folder} whose name ends with {@code suffix}. */
    public static List<String> captureTexts(String folder, String suffix) {
        return captures(folder, suffix).stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    private static List<String> names(String folder) {
        String row = "| " + folder + "/";
        List<String> names = new ArrayList<>();
        for (String line : new String(resource("/captures/SOURCES.md"), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(row)) {
                names.add(line.substring(row.length(), line.indexOf(" |", 2)).strip());
            }
        }
        return names;
    }

    /** A test resource's bytes. */
    public static byte[] resource(String path) {
        try (InputStream in = Seeds.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
