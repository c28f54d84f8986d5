package org.wardnet.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds a {@link WardnetConfig} from, lowest precedence first: the defaults, an optional YAML
 * file, environment variables ({@link ConfigKey#environmentName()}), and {@code KEY=VALUE}
 * overrides from the command line.
 *
 * <p>Every problem is collected before failing, so one attempt reports them all. Limits: the
 * file is two levels deep ({@code section: key: value}); lists and anchors are not used by any
 * key and are refused.
 */
public final class ConfigLoader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private ConfigLoader() {
    }

    /**
     * Loads and checks the configuration.
     *
     * @param file      the YAML file, or null for none
     * @param env       environment variables (only {@code WARDNET_*} names of known keys are read)
     * @param overrides {@code KEY=VALUE} strings, applied in order
     * @throws ConfigException naming each bad key, its source and what was expected
     */
    public static WardnetConfig load(Path file, Map<String, String> env, List<String> overrides)
            throws ConfigException {
        List<String> problems = new ArrayList<>();
        Map<ConfigKey<?>, RawValue> raw = new LinkedHashMap<>();
        if (file != null) {
            readFile(file, raw, problems);
        }
        for (ConfigKey<?> key : WardnetKeys.ALL) {
            String value = env.get(key.environmentName());
            if (value != null) {
                raw.put(key, new RawValue(value, "environment variable " + key.environmentName()));
            }
        }
        for (String override : overrides) {
            readOverride(override, raw, problems);
        }

        Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
        Map<ConfigKey<?>, String> sources = new LinkedHashMap<>();
        for (ConfigKey<?> key : WardnetKeys.ALL) {
            RawValue given = raw.get(key);
            if (given == null) {
                values.put(key, key.defaultValue());
                sources.put(key, "default");
                continue;
            }
            Optional<?> parsed = key.type().parse(given.text());
            if (parsed.isEmpty()) {
                problems.add(given.source() + ": " + key + ": expected " + key.type().expected()
                        + ", got '" + given.text() + "'");
            } else {
                values.put(key, parsed.get());
                sources.put(key, given.source());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new WardnetConfig(values, sources);
    }

    private static void readOverride(String override, Map<ConfigKey<?>, RawValue> raw, List<String> problems) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            problems.add("--set " + override + ": expected KEY=VALUE, such as server.port=9090");
            return;
        }
        String path = override.substring(0, eq).strip();
        Optional<ConfigKey<?>> key = WardnetKeys.byPath(path);
        if (key.isEmpty()) {
            problems.add("--set " + override + ": " + unknownKey(path));
            return;
        }
        raw.put(key.get(), new RawValue(override.substring(eq + 1), "--set " + path));
    }

    private static void readFile(Path file, Map<ConfigKey<?>, RawValue> raw, List<String> problems) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            problems.add(name + ": no such file");
            return;
        } catch (IOException e) {
            problems.add(name + ": cannot be read as UTF-8 text (" + e.getMessage() + ")");
            return;
        }
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return; // an empty file sets nothing
            }
            if (first != JsonToken.START_OBJECT) {
                problems.add(where(name, parser) + ": expected a mapping of sections ("
                        + String.join(", ", WardnetKeys.SECTIONS.keySet()) + ")");
                return;
            }
            readSections(name, parser, raw, problems);
        } catch (JsonProcessingException e) {
            problems.add(name + ":" + e.getLocation().getLineNr() + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static void readSections(String name, JsonParser parser, Map<ConfigKey<?>, RawValue> raw,
            List<String> problems) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String section = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!WardnetKeys.SECTIONS.containsKey(section)) {
                problems.add(where(name, parser) + ": unknown section '" + section + "' (known: "
                        + String.join(", ", WardnetKeys.SECTIONS.keySet()) + ")");
                parser.skipChildren();
                continue;
            }
            if (value != JsonToken.START_OBJECT) {
                if (value != JsonToken.VALUE_NULL) { // "server:" with nothing under it sets nothing
                    problems.add(where(name, parser) + ": " + section + ": expected a mapping of keys ("
                            + keysOf(section) + ")");
                }
                parser.skipChildren();
                continue;
            }
            readKeys(name, section, parser, raw, problems);
        }
    }

    private static void readKeys(String name, String section, JsonParser parser, Map<ConfigKey<?>, RawValue> raw,
            List<String> problems) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String path = section + "." + parser.currentName();
            JsonToken value = parser.nextToken();
            String location = where(name, parser);
            Optional<ConfigKey<?>> key = WardnetKeys.byPath(path);
            if (key.isEmpty()) {
                problems.add(location + ": " + unknownKey(path));
                parser.skipChildren();
            } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                problems.add(location + ": " + path + ": expected " + key.get().type().expected()
                        + ", got a " + (value == JsonToken.START_OBJECT ? "mapping" : "list"));
                parser.skipChildren();
            } else if (value == JsonToken.VALUE_NULL) {
                problems.add(location + ": " + path + ": expected " + key.get().type().expected()
                        + ", got nothing (delete the line to use the default)");
            } else {
                raw.put(key.get(), new RawValue(parser.getText(), location));
            }
        }
    }

    private static String where(String file, JsonParser parser) {
        return file + ":" + parser.currentTokenLocation().getLineNr();
    }

    private static String unknownKey(String path) {
        int dot = path.indexOf('.');
        String section = dot < 0 ? path : path.substring(0, dot);
        if (!WardnetKeys.SECTIONS.containsKey(section)) {
            return "unknown key '" + path + "' (sections: " + String.join(", ", WardnetKeys.SECTIONS.keySet()) + ")";
        }
        return "unknown key '" + path + "' (keys of " + section + ": " + keysOf(section) + ")";
    }

    private static String keysOf(String section) {
        return WardnetKeys.ALL.stream().filter(k -> k.section().equals(section))
                .map(ConfigKey::name).collect(Collectors.joining(", "));
    }

    private record RawValue(String text, String source) {
    }
}
