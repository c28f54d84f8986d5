package org.wardnet.config;

import java.util.List;

/**
 * The configuration cannot be used. The message lists every problem found, one per line, each
 * naming the key, where the value came from and what was expected, so one start-up attempt shows
 * them all.
 */
public final class ConfigException extends Exception {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid configuration:\n  " + String.join("\n  ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
