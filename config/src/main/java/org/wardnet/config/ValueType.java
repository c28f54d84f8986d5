package org.wardnet.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How one configuration value is read from text and checked.
 *
 * <p>Implementations are immutable. {@link #parse} never throws: a value that does not fit
 * yields an empty result, and {@link #expected()} tells the user what would have fitted.
 *
 * @param <T> the Java type of the value
 */
public interface ValueType<T> {

    /** Reads {@code text}; empty when it is not a valid value of this type. */
    Optional<T> parse(String text);

    /** A phrase that completes "expected ...", such as "an integer from 0 to 65535". */
    String expected();

    /** The value as it is written in YAML, for the generated default file. */
    default String render(T value) {
        return String.valueOf(value);
    }

    /** Whole numbers in {@code [min, max]}. */
    static ValueType<Integer> integer(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        return new ValueType<>() {
            @Override
            public Optional<Integer> parse(String text) {
                try {
                    int value = Integer.parseInt(text.strip().replace("_", ""));
                    return value >= min && value <= max ? Optional.of(value) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }

            @Override
            public String expected() {
                return "an integer from " + min + " to " + max;
            }
        };
    }

    /** Whole numbers in {@code [min, max]}, for byte counts and other large quantities. */
    static ValueType<Long> longInteger(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        return new ValueType<>() {
            @Override
            public Optional<Long> parse(String text) {
                try {
                    long value = Long.parseLong(text.strip().replace("_", ""));
                    return value >= min && value <= max ? Optional.of(value) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }

            @Override
            public String expected() {
                return "an integer from " + min + " to " + max;
            }
        };
    }

    /** {@code true} or {@code false}, nothing else (YAML's yes/no/on/off are refused as ambiguous). */
    static ValueType<Boolean> bool() {
        return new ValueType<>() {
            @Override
            public Optional<Boolean> parse(String text) {
                String t = text.strip();
                if (t.equals("true")) {
                    return Optional.of(true);
                }
                if (t.equals("false")) {
                    return Optional.of(false);
                }
                return Optional.empty();
            }

            @Override
            public String expected() {
                return "true or false";
            }
        };
    }

    /** One of {@code options}, written exactly (case-insensitive on input, upper case as stored). */
    static ValueType<String> choice(String... options) {
        List<String> allowed = List.of(options);
        return new ValueType<>() {
            @Override
            public Optional<String> parse(String text) {
                String upper = text.strip().toUpperCase(Locale.ROOT);
                return allowed.contains(upper) ? Optional.of(upper) : Optional.empty();
            }

            @Override
            public String expected() {
                return "one of " + String.join(", ", allowed);
            }
        };
    }

    /**
     * Web origins, comma-separated, each {@code http://} or {@code https://} and a host with an
     * optional port, nothing after it (no path, no wildcard); "" for none.
     */
    static ValueType<String> origins() {
        java.util.regex.Pattern origin = java.util.regex.Pattern.compile(
                "https?://([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");
        return new ValueType<>() {
            @Override
            public Optional<String> parse(String text) {
                if (text.length() > 4096) {
                    return Optional.empty();
                }
                for (String part : text.split(",")) {
                    if (!part.isBlank() && !origin.matcher(part.strip()).matches()) {
                        return Optional.empty();
                    }
                }
                return Optional.of(text);
            }

            @Override
            public String expected() {
                return "comma-separated origins such as http://10.20.0.5:8080 (scheme, host, optional port; no path)";
            }

            @Override
            public String render(String value) {
                return '"' + value + '"';
            }
        };
    }

    /** Any text up to {@code maxLength} characters; {@code allowEmpty} decides whether "" is valid. */
    static ValueType<String> text(int maxLength, boolean allowEmpty) {
        return new ValueType<>() {
            @Override
            public Optional<String> parse(String text) {
                if (text.length() > maxLength || (!allowEmpty && text.isBlank())) {
                    return Optional.empty();
                }
                return Optional.of(text);
            }

            @Override
            public String expected() {
                return (allowEmpty ? "text" : "non-empty text") + " of at most " + maxLength + " characters";
            }

            @Override
            public String render(String value) {
                // Always quoted, so an empty string or one that looks like a number stays text.
                return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
        };
    }
}
