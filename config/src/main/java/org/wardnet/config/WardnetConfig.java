package org.wardnet.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A complete, checked configuration: one value for every key of {@link WardnetKeys#ALL}.
 *
 * <p>Immutable. Obtain one from {@link ConfigLoader} or, in tests, from {@link #defaults()} and
 * {@link #with}.
 */
public final class WardnetConfig {

    private final Map<ConfigKey<?>, Object> values;
    private final Map<ConfigKey<?>, String> sources;

    WardnetConfig(Map<ConfigKey<?>, Object> values, Map<ConfigKey<?>, String> sources) {
        this.values = Map.copyOf(values);
        this.sources = Map.copyOf(sources);
        for (ConfigKey<?> key : WardnetKeys.ALL) {
            if (!this.values.containsKey(key)) {
                throw new IllegalArgumentException("no value for " + key);
            }
        }
    }

    /** Every key at its default. */
    public static WardnetConfig defaults() {
        Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
        Map<ConfigKey<?>, String> sources = new LinkedHashMap<>();
        for (ConfigKey<?> key : WardnetKeys.ALL) {
            values.put(key, key.defaultValue());
            sources.put(key, "default");
        }
        return new WardnetConfig(values, sources);
    }

    /** The value of {@code key}. */
    public <T> T get(ConfigKey<T> key) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(Objects.requireNonNull(key, "key"));
        return value;
    }

    /** Where the value of {@code key} came from ("default", "wardnet.yaml:12", "--set"...). */
    public String sourceOf(ConfigKey<?> key) {
        return sources.get(key);
    }

    /** A copy with {@code key} set to {@code value}, which must satisfy the key's type. */
    public <T> WardnetConfig with(ConfigKey<T> key, T value) {
        String rendered = key.type().render(value).replaceAll("^\"|\"$", "");
        if (key.type().parse(rendered).isEmpty()) {
            throw new IllegalArgumentException(key + ": expected " + key.type().expected() + ", got " + value);
        }
        Map<ConfigKey<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        Map<ConfigKey<?>, String> copiedSources = new LinkedHashMap<>(sources);
        copiedSources.put(key, "code");
        return new WardnetConfig(copy, copiedSources);
    }
}
