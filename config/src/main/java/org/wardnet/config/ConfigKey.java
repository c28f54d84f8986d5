package org.wardnet.config;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configuration key: its dotted path (such as {@code server.port}), type, default and the
 * documentation that is written above it in {@code wardnet.yaml}.
 *
 * <p>Paths have exactly two segments, {@code section.name}, both lower camel case; this keeps the
 * environment-variable spelling ({@link #environmentName()}) unambiguous.
 *
 * @param <T> the Java type of the value
 */
public final class ConfigKey<T> {

    private static final Pattern PATH = Pattern.compile("[a-z][a-zA-Z0-9]*\\.[a-z][a-zA-Z0-9]*");

    private final String path;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String description;

    public ConfigKey(String path, ValueType<T> type, T defaultValue, String description) {
        this.path = Objects.requireNonNull(path, "path");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.description = Objects.requireNonNull(description, "description");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("key path must be section.name in lower camel case: " + path);
        }
        if (type.parse(type.render(defaultValue).replaceAll("^\"|\"$", "")).isEmpty()) {
            throw new IllegalArgumentException("default of " + path + " is not " + type.expected());
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("key " + path + " needs a description");
        }
    }

    public String path() {
        return path;
    }

    public String section() {
        return path.substring(0, path.indexOf('.'));
    }

    public String name() {
        return path.substring(path.indexOf('.') + 1);
    }

    public ValueType<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** {@code server.maxHeaderBytes} is read from {@code WARDNET_SERVER_MAX_HEADER_BYTES}. */
    public String environmentName() {
        String snake = path.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return "WARDNET_" + snake.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return path;
    }
}
