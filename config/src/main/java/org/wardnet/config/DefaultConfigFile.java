package org.wardnet.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the documented default configuration file from {@link WardnetKeys}: every section with
 * its purpose, every key with its description, allowed values, environment variable and default.
 *
 * <p>The repository's {@code config/wardnet.yaml} is this output; a test keeps them equal.
 */
public final class DefaultConfigFile {

    private static final int WIDTH = 96;

    private DefaultConfigFile() {
    }

    /** The file's text, with a trailing newline. */
    public static String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Wardnet configuration. Every key is listed with its default value.\n");
        out.append("# Precedence, lowest first: defaults, this file (--config FILE), environment\n");
        out.append("# variables (named beside each key), then --set KEY=VALUE on the command line.\n");
        out.append("# Unknown keys, wrong types and out-of-range values stop start-up with the reason.\n");
        out.append("# Regenerate with: ./wardnet config-defaults > config/wardnet.yaml\n");
        String section = null;
        for (ConfigKey<?> key : WardnetKeys.ALL) {
            if (!key.section().equals(section)) {
                section = key.section();
                out.append('\n');
                wrap(out, "", WardnetKeys.SECTIONS.get(section));
                out.append(section).append(":\n");
            }
            appendKey(out, key);
        }
        return out.toString();
    }

    private static <T> void appendKey(StringBuilder out, ConfigKey<T> key) {
        out.append('\n');
        wrap(out, "  ", key.description());
        wrap(out, "  ", "Allowed: " + key.type().expected() + ". Environment: " + key.environmentName() + ".");
        out.append("  ").append(key.name()).append(": ").append(key.type().render(key.defaultValue())).append('\n');
    }

    private static void wrap(StringBuilder out, String indent, String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && indent.length() + 2 + line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        for (String l : lines) {
            out.append(indent).append("# ").append(l).append('\n');
        }
    }
}
